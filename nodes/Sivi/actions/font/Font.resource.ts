import type { INodeProperties } from 'n8n-workflow';

import * as complete from './complete.operation';
import * as uploadFile from './uploadFile.operation';

export { complete, uploadFile };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['font'] } },
		options: [
			{
				name: 'Complete Upload (Upload Font)',
				value: 'complete',
				description: 'Queue an uploaded .ttf file for processing; outputs the request ID',
				action: 'Register an uploaded font',
			},
			{
				name: 'Upload File',
				value: 'uploadFile',
				description:
					'Get an upload URL, upload the .ttf file and queue it for processing, in one step',
				action: 'Upload a font',
			},
		],
		default: 'uploadFile',
	},
	...uploadFile.description,
	...complete.description,
];
