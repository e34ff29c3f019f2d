import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getStatus from './getStatus.operation';
import * as submit from './submit.operation';

export { create, get, getStatus, submit };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a scan session for barcode scans, product photos or both',
				action: 'Create a scan session',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a session with its captures and product photos',
				action: 'Get a scan session',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				description: "Get the session's status and the state of its extraction",
				action: 'Get the status of a scan session',
			},
			{
				name: 'Submit',
				value: 'submit',
				description: "Start processing: Closient extracts product data from the session's photos",
				action: 'Submit a scan session',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getStatus.description,
	...submit.description,
];
