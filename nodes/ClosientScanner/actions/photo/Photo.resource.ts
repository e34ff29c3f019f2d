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
		displayOptions: { show: { resource: ['photo'] } },
		options: [
			{
				name: 'Complete Upload (Register Photo)',
				value: 'complete',
				description: 'Register an uploaded photo with its session, by its S3 key',
				action: 'Register an uploaded photo',
			},
			{
				name: 'Get Upload URL',
				value: 'getUploadUrl',
				description:
					'Ask Closient for a presigned POST form for a photo; outputs the target and S3 key and passes the photo on',
				action: 'Get an upload URL for a photo',
			},
			{
				name: 'Upload Binary',
				value: 'uploadBinary',
				description: 'Upload the photo with a form from Get Upload URL',
				action: 'Upload a photo to an upload URL',
			},
			{
				name: 'Upload File',
				value: 'uploadFile',
				description: 'Get the upload form, upload the photo and register it, in one step',
				action: 'Upload a photo to a session',
			},
		],
		default: 'uploadFile',
	},
	...uploadFile.description,
	...getUploadUrl.description,
	...uploadBinary.description,
	...complete.description,
];
