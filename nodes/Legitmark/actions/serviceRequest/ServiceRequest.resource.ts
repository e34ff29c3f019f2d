import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as complete from './complete.operation';
import * as waitForRequirements from './waitForRequirements.operation';
import * as waitForResult from './waitForResult.operation';

export { complete, create, get, waitForRequirements, waitForResult };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['serviceRequest'] } },
		options: [
			{
				name: 'Complete Upload (Submit)',
				value: 'complete',
				description: 'Submit the service request for authentication once its photos are uploaded',
				action: 'Submit a service request',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a draft service request for an item',
				action: 'Create a service request',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a service request with its sides and upload progress',
				action: 'Get a service request',
			},
			{
				name: 'Wait for Requirements',
				value: 'waitForRequirements',
				description: 'Poll the upload progress until every required side has a photo',
				action: 'Wait for the required sides of a service request',
			},
			{
				name: 'Wait for Result',
				value: 'waitForResult',
				description:
					'Poll the service request until it has a verdict, is cancelled or needs new photos',
				action: 'Wait for the result of a service request',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...waitForRequirements.description,
	...waitForResult.description,
	...complete.description,
];
