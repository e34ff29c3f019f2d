import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ApiError, InputError } from '../../../shared/errors';
import { pollUntil } from '../../../shared/poll';
import { pollOptionFields, readPollOptions, type PollOptions } from '../../../shared/fields';
import { nonEmptyText } from '../../../transfer';
import { sivi } from '../../transport';

/** Request states after which Sivi no longer works on the job. */
const FINAL_STATES = ['completed', 'failed', 'suspended'];

/** The font job's wait: its timeout sits beside the transfer options' own Timeout. */
const FONT_WAIT: PollOptions = {
	timeoutName: 'waitTimeoutSeconds',
	timeoutLabel: 'Wait Timeout (Seconds)',
	timeoutDescription:
		'How long to wait for the request status (with Wait for Completion) before the item fails. 0 looks once.',
};

/** Wait for Completion and the kit's wait options, in the operation's Options. */
export const fontWaitOptionFields: INodeProperties[] = [
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to poll the request status until Sivi has processed the font (completed), and fail if it fails',
	},
	...pollOptionFields(FONT_WAIT),
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

export type WaitSettings = ReturnType<typeof readPollOptions>;

/** The wait settings when Wait for Completion is on, checked before any request. */
export function readWaitOptions(
	ctx: IExecuteFunctions,
	itemIndex: number,
): WaitSettings | undefined {
	if (ctx.getNodeParameter('options.waitForCompletion', itemIndex, false) !== true)
		return undefined;
	return readPollOptions(ctx, itemIndex, FONT_WAIT);
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
