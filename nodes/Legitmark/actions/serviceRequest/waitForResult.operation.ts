import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
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
import { serviceRequestOf } from '../../helpers/serviceRequest';
import { stateOf, verdictOfState } from '../../helpers/verdict';
import { legitmark } from '../../transport';
import { readServiceRequestId, serviceRequestIdField } from '../fields';
import { getServiceRequestCall } from './fetch';

const RESULT_WAIT: PollOptions = {
	timeoutDescription:
		'How long to wait for a verdict, a cancellation or a request for new photos before the item fails. 0 looks once.',
};

const properties: INodeProperties[] = [
	serviceRequestIdField,
	optionsCollection([keepBinaryOption, ...pollOptionFields(RESULT_WAIT)]),
];

export const description = operationFields('serviceRequest', 'waitForResult', properties);

/** One look at the state: done once the verdict is anything but in_progress. */
async function lookAtState(ctx: IExecuteFunctions, serviceRequestId: string) {
	const answer = await legitmark.request(ctx, getServiceRequestCall(serviceRequestId, []));
	const serviceRequest = serviceRequestOf(answer);
	const verdict = verdictOfState(stateOf(serviceRequest.state));
	const value: IDataObject = { ...serviceRequest, verdict };
	return { done: verdict !== 'in_progress', value };
}

function describeState(serviceRequest: IDataObject | undefined): string {
	const state = stateOf(serviceRequest?.state);
	if (!state?.primary) return 'Legitmark kept answering 429 (rate limited)';
	return `it is still ${state.primary}${state.supplement ? `+${state.supplement}` : ''}`;
}

/**
 * Polls the service request until Legitmark has a verdict (authentic or not), cancelled it, or
 * wants photos taken again; outputs the service request with the same `verdict` the Legitmark
 * Trigger gives.
 */
export const execute: ItemOperation = async function (itemIndex) {
	const serviceRequestId = readServiceRequestId(this, itemIndex);
	const { intervalMs, timeoutMs } = readPollOptions(this, itemIndex, RESULT_WAIT);
	const outcome = await pollUntil(async () => await lookAtState(this, serviceRequestId), {
		intervalMs,
		timeoutMs,
		signal: this.getExecutionCancelSignal?.(),
	});
	if (outcome.done && outcome.value) {
		return outputItem(this, itemIndex, { ...outcome.value, waitedMs: outcome.waitedMs });
	}
	throw new InputError(
		'Timeout (Seconds)',
		`Service request ${serviceRequestId} had no result within ${timeoutMs / 1000} s: ${describeState(outcome.value)}`,
		'Authentication can take hours: give it more time with the Timeout option, or use the Legitmark Trigger to be told when the result is there.',
	);
};
