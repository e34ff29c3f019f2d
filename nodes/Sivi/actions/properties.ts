import type { INodeProperties } from 'n8n-workflow';

import * as font from './font/Font.resource';
import * as media from './media/Media.resource';

export const siviProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Font', value: 'font' },
			{ name: 'Media', value: 'media' },
		],
		default: 'media',
	},
	...media.description,
	...font.description,
];
