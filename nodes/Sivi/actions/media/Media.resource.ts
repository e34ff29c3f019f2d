import type { INodeProperties } from 'n8n-workflow';

import * as complete from './complete.operation';
import * as getUploadUrl from './getUploadUrl.operation';
import * as uploadBinary from './uploadBinary.operation';
import * as uploadFile from './uploadFile.operation';

export { complete, getUploadUrl, uploadBinary, uploadFile };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['media'] } },
		options: [
			{
				name: 'Complete Upload (Create Media)',
				value: 'complete',
				description: 'Register an uploaded file as media, so Sivi designs can use it',
				action: 'Register uploaded media',
			},
			{
				name: 'Get Upload URL',
				value: 'getUploadUrl',
				description: 'Ask Sivi where to upload the file; outputs the target and passes the file on',
				action: 'Get an upload URL',
			},
			{
				name: 'Upload Binary',
				value: 'uploadBinary',
				description: 'Upload the file to a target from Get Upload URL, with exactly its headers',
				action: 'Upload a file to an upload URL',
			},
			{
				name: 'Upload File',
				value: 'uploadFile',
				description: 'Get an upload URL, upload the file and register it as media, in one step',
				action: 'Upload media',
			},
		],
		default: 'uploadFile',
	},
	...uploadFile.description,
	...getUploadUrl.description,
	...uploadBinary.description,
	...complete.description,
];
