import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationFields } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { outputItem } from '../../../shared/items';
import { InputError } from '../../../shared/errors';
import { assertUuid } from '../../helpers/ids';
import { serviceRequestOf } from '../../helpers/serviceRequest';
import { legitmark } from '../../transport';
import { keepBinaryOptionsField } from '../fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Reference ID',
		name: 'referenceId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. SKU-10042',
		description: 'Your own ID for the item, such as a SKU. Legitmark returns it as external_id.',
	},
	{
		displayName: 'Category ID',
		name: 'categoryId',
		type: 'string',
		default: '',
		required: true,
		description: "The UUID of the item's category in Legitmark's taxonomy",
	},
	{
		displayName: 'Type ID',
		name: 'typeId',
		type: 'string',
		default: '',
		required: true,
		description: "The UUID of the item's type in Legitmark's taxonomy",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Brand ID',
				name: 'brandId',
				type: 'string',
				default: '',
				description: "The UUID of the item's brand",
			},
			{
				displayName: 'External ID',
				name: 'externalId',
				type: 'string',
				default: '',
				description: "Sent as external_id, the name Legitmark's SDK uses for the reference",
			},
			{
				displayName: 'Service ID',
				name: 'serviceId',
				type: 'string',
				default: '',
				description:
					'The UUID of the authentication service. Left empty, Legitmark picks it from your organisation and the item type.',
			},
			{
				displayName: 'Source',
				name: 'source',
				type: 'string',
				default: '',
				description: 'Where the request comes from, as your Legitmark account names it',
			},
		],
	},
	keepBinaryOptionsField,
];

export const description = operationFields('serviceRequest', 'create', properties);

interface AdditionalFields {
	brandId?: string;
	externalId?: string;
	serviceId?: string;
	source?: string;
}

function requestBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const referenceId = String(ctx.getNodeParameter('referenceId', itemIndex)).trim();
	if (referenceId === '') {
		throw new InputError('Reference ID', '"Reference ID" must not be empty');
	}
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as AdditionalFields;
	const item: IDataObject = {
		category: assertUuid(ctx.getNodeParameter('categoryId', itemIndex), 'Category ID'),
		type: assertUuid(ctx.getNodeParameter('typeId', itemIndex), 'Type ID'),
	};
	if (extra.brandId) item.brand = assertUuid(extra.brandId, 'Brand ID');
	const body: IDataObject = { reference_id: referenceId, item };
	if (extra.serviceId) body.service = assertUuid(extra.serviceId, 'Service ID');
	if (extra.externalId) body.external_id = extra.externalId;
	if (extra.source) body.source = extra.source;
	return body;
}

/** Creates a draft service request; its sides say which photos to upload. */
export const execute: ItemOperation = async function (itemIndex) {
	const answer = await legitmark.request(this, {
		method: 'POST',
		host: 'platform',
		path: '/api/v2/sr',
		body: requestBody(this, itemIndex),
	});
	return outputItem(this, itemIndex, serviceRequestOf(answer));
};
