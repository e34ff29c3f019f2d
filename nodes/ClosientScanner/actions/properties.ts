import type { INodeProperties } from 'n8n-workflow';

import * as photo from './photo/Photo.resource';
import * as session from './session/Session.resource';

export const closientProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Photo', value: 'photo' },
			{ name: 'Session', value: 'session' },
		],
		default: 'photo',
	},
	...photo.description,
	...session.description,
];
