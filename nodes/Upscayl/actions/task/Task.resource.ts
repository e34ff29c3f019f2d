import type { INodeProperties } from 'n8n-workflow';

import * as getStatus from './getStatus.operation';
import * as start from './start.operation';
import * as upscaleFile from './upscaleFile.operation';

export { getStatus, start, upscaleFile };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Look at a task once: status, progress and the result links',
				action: 'Get the status of a task',
			},
			{
				name: 'Start',
				value: 'start',
				description: 'Start upscaling an uploaded image',
				action: 'Start an upscaling task',
			},
			{
				name: 'Upscale File',
				value: 'upscaleFile',
				description:
					'Upload the image, upscale it, wait and output the upscaled image as binary, in one step',
				action: 'Upscale an image',
			},
		],
		default: 'upscaleFile',
	},
	...upscaleFile.description,
	...start.description,
	...getStatus.description,
];
