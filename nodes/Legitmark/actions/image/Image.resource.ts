import type { INodeProperties } from 'n8n-workflow';

import * as getUploadUrl from './getUploadUrl.operation';
import * as uploadBinary from './uploadBinary.operation';
import * as uploadFile from './uploadFile.operation';

export { getUploadUrl, uploadBinary, uploadFile };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['image'] } },
		options: [
			{
				name: 'Get Upload URL',
				value: 'getUploadUrl',
				description:
					'Ask Legitmark where to upload the photo of a side; outputs the target and passes the photo on',
				action: 'Get an upload URL for a side',
			},
			{
				name: 'Upload Binary',
				value: 'uploadBinary',
				description: 'Upload the photo to a target from Get Upload URL',
				action: 'Upload a photo to an upload URL',
			},
			{
				name: 'Upload File',
				value: 'uploadFile',
				description: 'Get the upload URL of a side and upload the photo to it, in one step',
				action: 'Upload a photo for a side',
			},
		],
		default: 'uploadFile',
	},
	...uploadFile.description,
	...getUploadUrl.description,
	...uploadBinary.description,
];
