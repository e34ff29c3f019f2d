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
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{
				name: 'Complete Upload',
				value: 'complete',
				description: 'Tell Upscayl every part of an upload arrived, with the ETags',
				action: 'Complete an upload',
			},
			{
				name: 'Get Upload URL',
				value: 'getUploadUrl',
				description:
					'Ask Upscayl for the part URLs of an image; outputs the target and passes the image on',
				action: 'Get the part addresses for an image',
			},
			{
				name: 'Upload Binary',
				value: 'uploadBinary',
				description: 'Upload the image in parts to a target from Get Upload URL',
				action: 'Upload an image in parts',
			},
			{
				name: 'Upload File',
				value: 'uploadFile',
				description: 'Get the part URLs, upload the image and complete the upload, in one step',
				action: 'Upload an image',
			},
		],
		default: 'uploadFile',
	},
	...uploadFile.description,
	...getUploadUrl.description,
	...uploadBinary.description,
	...complete.description,
];
