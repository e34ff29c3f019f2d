import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ApiError, InputError } from '../../../shared/errors';
import { readNumber } from '../../../shared/fields';
import { pollUntil } from '../../../shared/poll';
import { nonEmptyText } from '../../../transfer';
import { sivi } from '../../transport';

/** Request states after which Sivi no longer works on the job. */
const FINAL_STATES = ['completed', 'failed', 'suspended'];

const POLL_INTERVAL_SECONDS = { min: 0.1, max: 3600 };
const TIMEOUT_SECONDS = { min: 0, max: 86_400 };

/** The options that turn on waiting for the font job, in the operation's Options. */
export const waitOptionFields: INodeProperties[] = [
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to poll the request status until Sivi has processed the font (completed), and fail if it fails',
	},
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
		description: 'With Wait for Completion: how long to pause between two looks at the status',
	},
	{
		displayName: 'Wait Timeout (Seconds)',
		name: 'waitTimeoutSeconds',
		type: 'number',
		typeOptions: { minValue: TIMEOUT_SECONDS.min, maxValue: TIMEOUT_SECONDS.max },
		default: 300,
		description: 'With Wait for Completion: how long to wait before the item fails. 0 looks once.',
	},
];

/** Upload Fonts: queues the processing of an uploaded font; resolves to the request ID. */
export async function createFont(
	this: IExecuteFunctions,
	uploadedURL: string,
	owner: IDataObject,
): Promise<string> {
	const answer = await sivi(this, {
		method: 'POST',
		path: '/font/create',
		body: { uploadedURL, ...owner },
	});
	const requestId = nonEmptyText(answer.requestId);
	if (!requestId) {
		throw new ApiError('Sivi answered Upload Fonts without a request ID', {
			description: 'The answer had no body.requestId.',
		});
	}
	return requestId;
}

export interface WaitSettings {
	intervalMs: number;
	timeoutMs: number;
}

/** The wait settings when Wait for Completion is on, checked before any request. */
export function readWaitSettings(
	ctx: IExecuteFunctions,
	itemIndex: number,
): WaitSettings | undefined {
	if (ctx.getNodeParameter('options.waitForCompletion', itemIndex, false) !== true)
		return undefined;
	const seconds = (name: string, label: string, fallback: number, range: typeof TIMEOUT_SECONDS) =>
		readNumber(ctx, itemIndex, `options.${name}`, label, fallback, range) * 1000;
	return {
		intervalMs: seconds('pollIntervalSeconds', 'Poll Interval (Seconds)', 5, POLL_INTERVAL_SECONDS),
		timeoutMs: seconds('waitTimeoutSeconds', 'Wait Timeout (Seconds)', 300, TIMEOUT_SECONDS),
	};
}

async function requestStatus(ctx: IExecuteFunctions, requestId: string): Promise<IDataObject> {
	return await sivi(ctx, {
		method: 'GET',
		path: '/get-request-status',
		qs: { queryParams: JSON.stringify({ requestId }) },
	});
}

/**
 * Polls the request status until the font job reaches a final state. A completed job resolves
 * to its status answer; a failed or suspended one, or a timeout, fails the item.
 */
export async function waitForFontJob(
	this: IExecuteFunctions,
	requestId: string,
	settings: WaitSettings,
): Promise<IDataObject & { waitedMs: number }> {
	const outcome = await pollUntil(
		async () => {
			const status = await requestStatus(this, requestId);
			return { done: FINAL_STATES.includes(String(status.status)), value: status };
		},
		{ ...settings, signal: this.getExecutionCancelSignal?.() },
	);
	const state = outcome.value ? String(outcome.value.status) : undefined;
	if (outcome.done && state === 'completed') {
		return { ...outcome.value, waitedMs: outcome.waitedMs };
	}
	if (outcome.done) {
		const reason = nonEmptyText(outcome.value?.reason);
		throw new ApiError(
			`Sivi's font request ${requestId} ended ${state}${reason ? `: ${reason}` : ''}`,
			{
				description: 'Check that the file is a valid TrueType font and was uploaded whole.',
			},
		);
	}
	const seen = outcome.rateLimited
		? 'Sivi kept answering 429 (rate limited)'
		: `it is still ${state ?? 'unknown'}`;
	throw new InputError(
		'Wait Timeout (Seconds)',
		`Sivi's font request ${requestId} did not finish within ${settings.timeoutMs / 1000} s: ${seen}`,
		'Give it more time with the Wait Timeout option, or turn off Wait for Completion and check later.',
	);
}
