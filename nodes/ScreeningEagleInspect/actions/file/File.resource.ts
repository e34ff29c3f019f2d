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
				description: 'Mark an uploaded file as complete in Screening Eagle',
				action: 'Complete a file upload',
			},
			{
				name: 'Get Upload URL',
				value: 'getUploadUrl',
				description:
					'Announce the file (SHA-256, size, name, type) and get its upload URL, or learn that it is already stored',
				action: 'Get an upload URL for a file',
			},
			{
				name: 'Upload Binary',
				value: 'uploadBinary',
				description: 'Upload the file to a target from Get Upload URL',
				action: 'Upload a file to an upload URL',
			},
			{
				name: 'Upload File',
				value: 'uploadFile',
				description: 'Announce, upload (unless already stored) and complete a file, in one step',
				action: 'Upload a file to an asset',
			},
		],
		default: 'uploadFile',
	},
	...uploadFile.description,
	...getUploadUrl.description,
	...uploadBinary.description,
	...complete.description,
];
