import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ApiError, InputError } from '../../../shared/errors';
import {
	keepBinaryOption,
	optionsCollection,
	operationFields,
	pollOptionFields,
	readPollOptions,
	type PollOptions,
} from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { outputItem } from '../../../shared/items';
import { pollUntil } from '../../../shared/poll';
import {
	describeProgress,
	missingRequiredSides,
	progressOf,
	serviceRequestOf,
} from '../../helpers/serviceRequest';
import { legitmark } from '../../transport';
import { readServiceRequestId, serviceRequestIdField } from '../fields';
import { getServiceRequestCall } from './fetch';

const SIDES_WAIT: PollOptions = {
	timeoutDescription:
		'How long to wait for the required sides before the item fails. 0 looks once.',
};

const properties: INodeProperties[] = [
	serviceRequestIdField,
	optionsCollection([keepBinaryOption, ...pollOptionFields(SIDES_WAIT)]),
];

export const description = operationFields('serviceRequest', 'waitForRequirements', properties);

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
	const serviceRequestId = readServiceRequestId(this, itemIndex);
	const { intervalMs, timeoutMs } = readPollOptions(this, itemIndex, SIDES_WAIT);
	const outcome = await pollUntil(async () => await lookAtSides(this, serviceRequestId), {
		intervalMs,
		timeoutMs,
		signal: this.getExecutionCancelSignal?.(),
	});
	if (outcome.done && outcome.value) {
		return outputItem(this, itemIndex, { ...outcome.value, waitedMs: outcome.waitedMs });
	}
	const state = outcome.value
		? describeProgress(outcome.value)
		: 'Legitmark kept answering 429 (rate limited)';
	throw new InputError(
		'Timeout (Seconds)',
		`Service request ${serviceRequestId} did not meet its requirements within ${timeoutMs / 1000} s: ${state}`,
		'Upload the missing sides (Image → Upload File), or give them more time with the Timeout option.',
	);
};
