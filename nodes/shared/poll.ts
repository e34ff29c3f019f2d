import { pause } from '../transfer';
import { ApiError } from './errors';

export interface PollSettings {
	/** Pause between two looks. */
	intervalMs: number;
	/** Give up once the next look would start later than this after the first. 0 looks once. */
	timeoutMs: number;
	/** The execution's cancel signal: a cancelled execution stops waiting at once. */
	signal?: AbortSignal;
}

/** One look at the remote state: done, or not yet (with what was seen). */
export type PollLook<T> = { done: true; value: T } | { done: false; value?: T };

export interface PollOutcome<T> {
	done: boolean;
	/** The last value seen, if any look got one. */
	value?: T;
	waitedMs: number;
	/** Whether the last look was refused with 429. */
	rateLimited: boolean;
}

function isRateLimit(error: unknown): error is ApiError {
	return error instanceof ApiError && error.details.httpCode === 429;
}

/**
 * Looks until `look` says done or the timeout passes, and says which. A 429 answer only delays
 * the next look (by Retry-After when it is longer than the interval); any other failure ends the
 * wait at once.
 */
export async function pollUntil<T>(
	look: () => Promise<PollLook<T>>,
	settings: PollSettings,
): Promise<PollOutcome<T>> {
	const started = Date.now();
	let value: T | undefined;
	for (;;) {
		let wait = settings.intervalMs;
		const seen = await look().catch(async (error: unknown) =>
			isRateLimit(error) ? error : await Promise.reject(error),
		);
		const rateLimited = seen instanceof ApiError;
		if (seen instanceof ApiError) {
			wait = Math.max(wait, seen.details.retryAfterMs ?? 0);
		} else {
			value = seen.value ?? value;
			if (seen.done) return { done: true, value, waitedMs: Date.now() - started, rateLimited };
		}
		const waitedMs = Date.now() - started;
		if (waitedMs + wait > settings.timeoutMs) return { done: false, value, waitedMs, rateLimited };
		await pause(wait, settings.signal);
	}
}
