import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getAttachments from './getAttachments.operation';

export { create, getAttachments };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['spot'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a spot on an asset with uploaded files attached',
				action: 'Create a spot',
			},
			{
				name: 'Get Attachments',
				value: 'getAttachments',
				description: 'List the attachments of a spot',
				action: 'Get the attachments of a spot',
			},
		],
		default: 'create',
	},
	...create.description,
	...getAttachments.description,
];
