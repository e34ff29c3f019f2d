import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readNumber } from './fields';
import type { PollSettings } from './poll';

const POLL_INTERVAL_SECONDS = { min: 0.1, max: 3600 };
const WAIT_TIMEOUT_SECONDS = { min: 0, max: 86_400 };

/**
 * The two options of an operation that waits for a remote state with `pollUntil`, for its
 * "Options" collection. `what` names what is looked at, e.g. "the request status".
 */
export function waitOptionFields(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollIntervalSeconds',
			type: 'number',
			typeOptions: {
				minValue: POLL_INTERVAL_SECONDS.min,
				maxValue: POLL_INTERVAL_SECONDS.max,
				numberPrecision: 1,
			},
			default: 5,
			description: `How long to pause between two looks at ${what}`,
		},
		{
			displayName: 'Wait Timeout (Seconds)',
			name: 'waitTimeoutSeconds',
			type: 'number',
			typeOptions: { minValue: WAIT_TIMEOUT_SECONDS.min, maxValue: WAIT_TIMEOUT_SECONDS.max },
			default: 300,
			description: 'How long to wait before the item fails. 0 looks once.',
		},
	];
}

/** The settings for `pollUntil` from those options, checked at run time. */
export function readWaitSettings(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Omit<PollSettings, 'signal'> {
	const seconds = (
		name: string,
		label: string,
		fallback: number,
		range: typeof WAIT_TIMEOUT_SECONDS,
	) => readNumber(ctx, itemIndex, `options.${name}`, label, fallback, range) * 1000;
	return {
		intervalMs: seconds('pollIntervalSeconds', 'Poll Interval (Seconds)', 5, POLL_INTERVAL_SECONDS),
		timeoutMs: seconds('waitTimeoutSeconds', 'Wait Timeout (Seconds)', 300, WAIT_TIMEOUT_SECONDS),
	};
}
