import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	keepBinaryOption,
	optionsCollection,
	pollOptionFields,
	readPollOptions,
	type PollOptions,
} from '../../../shared/fields';
import { outputItem } from '../../../shared/items';
import { pollUntil, type PollLook } from '../../../shared/poll';
import { readServiceRequestId, serviceRequestIdField } from '../fields';

/** The fields of a Wait operation: the service request, Keep Binary and how to poll it. */
export function waitProperties(wait: PollOptions): INodeProperties[] {
	return [serviceRequestIdField, optionsCollection([keepBinaryOption, ...pollOptionFields(wait)])];
}

/**
 * Looks at the item's service request with `look` until it is done, and outputs the last look
 * with `waitedMs`. When the timeout passes first, throws what `timedOut` makes of the last look
 * (undefined when every look was answered 429).
 */
export async function waitForServiceRequest(
	ctx: IExecuteFunctions,
	itemIndex: number,
	wait: PollOptions,
	look: (serviceRequestId: string) => Promise<PollLook<IDataObject>>,
	timedOut: (serviceRequestId: string, seconds: number, last: IDataObject | undefined) => Error,
): Promise<INodeExecutionData[]> {
	const serviceRequestId = readServiceRequestId(ctx, itemIndex);
	const { intervalMs, timeoutMs } = readPollOptions(ctx, itemIndex, wait);
	const outcome = await pollUntil(async () => await look(serviceRequestId), {
		intervalMs,
		timeoutMs,
		signal: ctx.getExecutionCancelSignal?.(),
	});
	if (outcome.done && outcome.value) {
		return outputItem(ctx, itemIndex, { ...outcome.value, waitedMs: outcome.waitedMs });
	}
	throw timedOut(serviceRequestId, timeoutMs / 1000, outcome.value);
}
