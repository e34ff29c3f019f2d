import type { INodeProperties } from 'n8n-workflow';

import { operationFields } from '../../../shared/fields';
import { uuidOf } from '../../../shared/ids';
import type { ItemOperation } from '../../../shared/itemLoop';
import { asObject } from '../../../transfer';
import { screeningEagle } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Spot ID',
		name: 'spotId',
		type: 'string',
		default: '={{ $json.spotId }}',
		required: true,
		description: 'The UUID of the spot (spotId from Create)',
	},
];

export const description = operationFields('spot', 'getAttachments', properties);

/** One output item per attachment of the spot (none when it has none). */
export const execute: ItemOperation = async function (itemIndex) {
	const spotId = uuidOf(this.getNodeParameter('spotId', itemIndex), 'Spot ID');
	const answer = await screeningEagle.request(this, {
		method: 'GET',
		path: '/api/inspect/v1/spot/attachment',
		qs: { spotID: spotId },
	});
	const list = Array.isArray(answer.data) ? answer.data : [];
	return list.map((entry) => ({
		json: { spotId, ...(asObject(entry) ?? { value: entry as string }) },
		pairedItem: { item: itemIndex },
	}));
};
