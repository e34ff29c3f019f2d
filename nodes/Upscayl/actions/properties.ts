import type { INodeProperties } from 'n8n-workflow';

import * as file from './file/File.resource';
import * as task from './task/Task.resource';

export const upscaylProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'File', value: 'file' },
			{ name: 'Task', value: 'task' },
		],
		default: 'task',
	},
	...file.description,
	...task.description,
];
