import { sleep } from 'n8n-workflow';

import { CancelledError, TransferError } from './errors';

export interface RetryPolicy {
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	signal?: AbortSignal;
}

/** Exponential backoff with jitter: half the delay is fixed, half random, so retries spread out. */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

export function throwIfCancelled(signal?: AbortSignal): void {
	if (signal?.aborted) throw new CancelledError();
}

/** Waits before the next try; a cancelled execution ends the wait at once. */
async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	await sleep(ms, signal).catch(() => {});
	throwIfCancelled(signal);
}

/**
 * Runs `attempt` until it succeeds, retrying only what a retry can fix: network errors, 5xx and
 * 429 (after `Retry-After` when the storage sends one). Everything else fails at once.
 */
export async function withRetry<T>(
	attempt: (attemptNumber: number) => Promise<T>,
	policy: RetryPolicy,
): Promise<T> {
	for (let attemptNumber = 1; ; attemptNumber++) {
		throwIfCancelled(policy.signal);
		let failure: unknown;
		try {
			return await attempt(attemptNumber);
		} catch (error) {
			failure = error;
		}
		if (!(failure instanceof TransferError) || !failure.details.retryable) throw failure;
		if (attemptNumber >= policy.maxAttempts) {
			throw new TransferError(`${failure.message} (gave up after ${attemptNumber} attempts)`, {
				...failure.details,
				retryable: false,
			});
		}
		const delay = Math.min(
			policy.maxDelayMs,
			failure.details.retryAfterMs ?? backoffDelay(attemptNumber, policy),
		);
		await pause(delay, policy.signal);
	}
}
