import type { INodeProperties } from 'n8n-workflow';

import * as file from './file/File.resource';
import * as spot from './spot/Spot.resource';

export const screeningEagleProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'File', value: 'file' },
			{ name: 'Spot', value: 'spot' },
		],
		default: 'file',
	},
	...file.description,
	...spot.description,
];
