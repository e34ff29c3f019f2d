import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { operationFields, type PollOptions } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { serviceRequestOf } from '../../helpers/serviceRequest';
import { stateOf, verdictOfState } from '../../helpers/verdict';
import { legitmark } from '../../transport';
import { getServiceRequestCall } from './fetch';
import { waitForServiceRequest, waitProperties } from './wait';

const RESULT_WAIT: PollOptions = {
	timeoutDescription:
		'How long to wait for a verdict, a cancellation or a request for new photos before the item fails. 0 looks once.',
};

export const description = operationFields(
	'serviceRequest',
	'waitForResult',
	waitProperties(RESULT_WAIT),
);

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
	return await waitForServiceRequest(
		this,
		itemIndex,
		RESULT_WAIT,
		async (serviceRequestId) => await lookAtState(this, serviceRequestId),
		(serviceRequestId, seconds, last) =>
			new InputError(
				'Timeout (Seconds)',
				`Service request ${serviceRequestId} had no result within ${seconds} s: ${describeState(last)}`,
				'Authentication can take hours: give it more time with the Timeout option, or use the Legitmark Trigger to be told when the result is there.',
			),
	);
};
