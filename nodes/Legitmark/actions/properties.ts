import type { INodeProperties } from 'n8n-workflow';

import * as image from './image/Image.resource';
import * as serviceRequest from './serviceRequest/ServiceRequest.resource';

export const legitmarkProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Image', value: 'image' },
			{ name: 'Service Request', value: 'serviceRequest' },
		],
		default: 'image',
	},
	...image.description,
	...serviceRequest.description,
];
