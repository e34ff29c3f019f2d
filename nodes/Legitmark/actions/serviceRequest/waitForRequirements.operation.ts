import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ApiError, InputError } from '../../../shared/errors';
import { operationFields, type PollOptions } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import {
	describeProgress,
	missingRequiredSides,
	progressOf,
	serviceRequestOf,
} from '../../helpers/serviceRequest';
import { legitmark } from '../../transport';
import { getServiceRequestCall } from './fetch';
import { waitForServiceRequest, waitProperties } from './wait';

const SIDES_WAIT: PollOptions = {
	timeoutDescription:
		'How long to wait for the required sides before the item fails. 0 looks once.',
};

export const description = operationFields(
	'serviceRequest',
	'waitForRequirements',
	waitProperties(SIDES_WAIT),
);

/** `progress.met` when Legitmark sends it; otherwise whether every required side has an image. */
function requirementsMet(serviceRequest: IDataObject): boolean | undefined {
	const met = progressOf(serviceRequest)?.met;
	if (typeof met === 'boolean') return met;
	const sides = serviceRequest.sides as IDataObject | undefined;
	if (!Array.isArray(sides?.required)) return undefined;
	return missingRequiredSides(serviceRequest).length === 0;
}

/** One look at the sides: done once every required side has an image. */
async function lookAtSides(ctx: IExecuteFunctions, serviceRequestId: string) {
	const answer = await legitmark.request(
		ctx,
		getServiceRequestCall(serviceRequestId, ['item', 'sides']),
	);
	const serviceRequest = serviceRequestOf(answer);
	const met = requirementsMet(serviceRequest);
	if (met === undefined) {
		throw new ApiError('Legitmark answered without the sides of the service request', {
			description: 'The answer to GET /api/v2/sr/{uuid}?item=true&sides=true had no sides.',
		});
	}
	return { done: met, value: serviceRequest };
}

/** Polls the service request until its required sides are all uploaded, or the timeout passes. */
export const execute: ItemOperation = async function (itemIndex) {
	return await waitForServiceRequest(
		this,
		itemIndex,
		SIDES_WAIT,
		async (serviceRequestId) => await lookAtSides(this, serviceRequestId),
		(serviceRequestId, seconds, last) =>
			new InputError(
				'Timeout (Seconds)',
				`Service request ${serviceRequestId} did not meet its requirements within ${seconds} s: ${last ? describeProgress(last) : 'Legitmark kept answering 429 (rate limited)'}`,
				'Upload the missing sides (Image → Upload File), or give them more time with the Timeout option.',
			),
	);
};
