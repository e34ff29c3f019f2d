import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationFields } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { InputError } from '../../../shared/errors';
import { outputItem } from '../../../shared/items';
import {
	describeProgress,
	missingRequiredSides,
	progressOf,
	serviceRequestOf,
} from '../../helpers/serviceRequest';
import { legitmark } from '../../transport';
import { keepBinaryOptionsField, readServiceRequestId, serviceRequestIdField } from '../fields';
import { fetchServiceRequest } from './fetch';

const properties: INodeProperties[] = [
	serviceRequestIdField,
	{
		displayName: 'Check Required Sides First',
		name: 'checkRequirements',
		type: 'boolean',
		default: true,
		description:
			'Whether to look at the progress first and refuse to submit, listing the missing sides, while required sides have no image',
	},
	keepBinaryOptionsField,
];

export const description = operationFields('serviceRequest', 'complete', properties);

async function assertReadyToSubmit(
	ctx: IExecuteFunctions,
	serviceRequestId: string,
): Promise<void> {
	const serviceRequest = await fetchServiceRequest.call(ctx, serviceRequestId, ['item', 'sides']);
	const met = progressOf(serviceRequest)?.met;
	const missing = missingRequiredSides(serviceRequest);
	if (met === true || (met === undefined && missing.length === 0)) return;
	throw new InputError(
		'Service Request ID',
		`Service request ${serviceRequestId} is not ready to submit: ${describeProgress(serviceRequest)}`,
		'Upload the missing sides first (Image → Upload File), or turn off "Check Required Sides First" to let Legitmark decide.',
	);
}

/** Submits the service request for authentication: Legitmark moves it from DRAFT to QC. */
export const execute: ItemOperation = async function (itemIndex) {
	const serviceRequestId = readServiceRequestId(this, itemIndex);
	if (this.getNodeParameter('checkRequirements', itemIndex, true) as boolean) {
		await assertReadyToSubmit(this, serviceRequestId);
	}
	const answer = await legitmark.request(this, {
		method: 'POST',
		host: 'platform',
		path: `/api/v2/sr/${encodeURIComponent(serviceRequestId)}/submit`,
	});
	return outputItem(this, itemIndex, serviceRequestOf(answer));
};
