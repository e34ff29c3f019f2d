import type { INodeProperties } from 'n8n-workflow';

import { operationFields } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { outputItem } from '../../../shared/items';
import { keepBinaryOptionsField, readServiceRequestId, serviceRequestIdField } from '../fields';
import { fetchServiceRequest } from './fetch';

const properties: INodeProperties[] = [
	serviceRequestIdField,
	{
		displayName: 'Include',
		name: 'include',
		type: 'multiOptions',
		default: ['item', 'sides'],
		description: 'Which parts of the service request Legitmark should add to the answer',
		options: [
			{ name: 'Authenticators', value: 'authenticators' },
			{ name: 'Item', value: 'item', description: 'Category, type and brand' },
			{ name: 'Outcome', value: 'outcome' },
			{ name: 'Partner', value: 'partner' },
			{
				name: 'Requirements',
				value: 'requirements',
				description: 'Side groups with their required and optional counts (adds Item and Sides)',
			},
			{ name: 'Risk', value: 'risk' },
			{ name: 'Service', value: 'service' },
			{
				name: 'Sides and Progress',
				value: 'sides',
				description:
					'Required and optional sides with their uploaded images, and whether the requirements are met (adds Item)',
			},
			{ name: 'Stages', value: 'stages' },
			{ name: 'Summary', value: 'summary' },
			{ name: 'Tab', value: 'tab' },
			{ name: 'User', value: 'user' },
			{ name: 'Workflows', value: 'workflows' },
		],
	},
	keepBinaryOptionsField,
];

export const description = operationFields('serviceRequest', 'get', properties);

export const execute: ItemOperation = async function (itemIndex) {
	const serviceRequestId = readServiceRequestId(this, itemIndex);
	const include = this.getNodeParameter('include', itemIndex, []) as string[];
	const serviceRequest = await fetchServiceRequest.call(this, serviceRequestId, include);
	return outputItem(this, itemIndex, serviceRequest);
};
