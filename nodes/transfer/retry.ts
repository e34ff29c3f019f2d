import { sleep } from 'n8n-workflow';

import { CancelledError, TransferError } from './errors';

export interface RetryPolicy {
	maxAttempts: number;
	baseDelayMs: number;
	/** The longest pause the backoff itself chooses. */
	maxDelayMs: number;
	/** The longest pause a server may ask for with Retry-After; a longer ask ends the retries. */
	maxRetryAfterMs?: number;
	signal?: AbortSignal;
}

/** Whether a failed attempt is worth another one, and how long the other side asked to wait. */
export type RetryVerdict = { retry: false } | { retry: true; afterMs?: number };

/** Exponential backoff with jitter: half the delay is fixed, half random, so retries spread out. */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

export function throwIfCancelled(signal?: AbortSignal): void {
	if (signal?.aborted) throw new CancelledError();
}

/** Waits; a cancelled execution ends the wait at once with a CancelledError. */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	await sleep(ms, signal).catch(() => {});
	throwIfCancelled(signal);
}

/**
 * Runs `attempt` until it succeeds, `judge` calls a failure final, or the attempts run out; then
 * the last failure is thrown as it is. Pauses grow with every attempt, or follow `afterMs`.
 */
export async function retrying<T>(
	attempt: (attemptNumber: number) => Promise<T>,
	policy: RetryPolicy,
	judge: (failure: unknown) => RetryVerdict,
): Promise<T> {
	for (let attemptNumber = 1; ; attemptNumber++) {
		throwIfCancelled(policy.signal);
		let failure: unknown;
		try {
			return await attempt(attemptNumber);
		} catch (error) {
			failure = error;
		}
		const verdict = judge(failure);
		if (!verdict.retry || attemptNumber >= policy.maxAttempts) throw failure;
		// Never earlier than the server asked: its Retry-After wins over the backoff.
		const delay = verdict.afterMs ?? backoffDelay(attemptNumber, policy);
		if (delay > (policy.maxRetryAfterMs ?? policy.maxDelayMs)) throw failure;
		await pause(delay, policy.signal);
	}
}

function transferVerdict(failure: unknown): RetryVerdict {
	if (failure instanceof TransferError && failure.details.retryable) {
		return { retry: true, afterMs: failure.details.retryAfterMs };
	}
	return { retry: false };
}

/**
 * Retries only what a retry can fix: network errors, 5xx and 429 (after `Retry-After` when the
 * storage sends one, up to the policy's limit). Everything else fails at once; the last failure
 * says how often it was tried, or how long the storage asked to wait.
 */
export async function withRetry<T>(
	attempt: (attemptNumber: number) => Promise<T>,
	policy: RetryPolicy,
): Promise<T> {
	let attempts = 0;
	const counted = async (attemptNumber: number) => {
		attempts = attemptNumber;
		return await attempt(attemptNumber);
	};
	return await retrying(counted, policy, transferVerdict).catch(async (failure: unknown) => {
		if (!transferVerdict(failure).retry) return await Promise.reject(failure);
		const { message, details } = failure as TransferError;
		// A retryable failure ends `retrying` early only when the asked-for pause is too long.
		const why =
			attempts < policy.maxAttempts
				? `the storage asked to wait ${Math.ceil((details.retryAfterMs ?? 0) / 1000)} s before trying again, longer than the ${(policy.maxRetryAfterMs ?? policy.maxDelayMs) / 1000} s this node waits`
				: attempts === 1
					? 'tried once, as Max Attempts asks'
					: `gave up after ${attempts} attempts`;
		return await Promise.reject(
			new TransferError(`${message} (${why})`, { ...details, retryable: false }),
		);
	});
}
