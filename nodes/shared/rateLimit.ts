import type { IDataObject } from 'n8n-workflow';

import { pause, parseRetryAfter } from '../transfer';

/** What is left of a provider's current rate-limit window, as an answer's headers tell it. */
export interface RateBudget {
	remaining: number;
	/** Time until the window starts afresh. */
	resetMs: number;
}

function headerNumber(headers: IDataObject, name: string): number | undefined {
	const raw = headers[name];
	const text = Array.isArray(raw) ? raw[0] : raw;
	if (typeof text !== 'string' && typeof text !== 'number') return undefined;
	const value = Number(text);
	return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The IETF draft's `RateLimit-Remaining` and `RateLimit-Reset` (seconds, relative). */
export function rateBudgetFromHeaders(headers: IDataObject): RateBudget | undefined {
	const remaining = headerNumber(headers, 'ratelimit-remaining');
	const reset = headerNumber(headers, 'ratelimit-reset');
	if (remaining === undefined || reset === undefined) return undefined;
	return { remaining, resetMs: reset * 1000 };
}

/** `Retry-After` in seconds or as a date. */
export function retryAfterFromHeaders(headers: IDataObject): number | undefined {
	return parseRetryAfter(headers['retry-after']);
}

/** Waiting for the budget would end later than the caller's deadline. */
export class RateLimitWaitTooLong extends Error {
	constructor(readonly waitMs: number) {
		super(`the rate-limit window resets in ${Math.ceil(waitMs / 1000)} s`);
	}
}

export type Wait = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * Keeps concurrent calls within what the provider's rate-limit headers say is left, instead of
 * running into 429 answers. Until an answer has told the budget, one call at a time goes out;
 * an answer without budget headers turns the governor off. A call may go while the last known
 * remaining count minus the calls in flight is above zero; otherwise it waits for the window's
 * reset, after which one call finds out the new budget.
 */
export class RateGovernor {
	private remaining: number | undefined;
	private resetAt = 0;
	private inFlight = 0;
	private uninformed = false;
	private waiters: Array<() => void> = [];

	constructor(
		private readonly wait: Wait = pause,
		private readonly now: () => number = Date.now,
	) {}

	/** Resolves when a call fits the budget; counts it as in flight until `release`. */
	async acquire(deadline: number, signal?: AbortSignal): Promise<void> {
		for (;;) {
			const now = this.now();
			if (this.remaining !== undefined && now >= this.resetAt) this.remaining = undefined;
			if (this.uninformed || (this.remaining === undefined && this.inFlight === 0)) break;
			if (this.remaining !== undefined && this.remaining - this.inFlight > 0) break;
			if (this.remaining === undefined) {
				await new Promise<void>((resolve) => this.waiters.push(resolve));
				continue;
			}
			const waitMs = this.resetAt - now;
			if (now + waitMs > deadline) throw new RateLimitWaitTooLong(waitMs);
			await this.wait(waitMs, signal);
		}
		this.inFlight++;
	}

	/** A call ended; `budget` is what its answer said, undefined when it carried none. */
	release(budget: RateBudget | undefined, answered: boolean): void {
		this.inFlight--;
		if (answered && !budget) this.uninformed = true;
		if (budget) {
			const resetAt = this.now() + budget.resetMs;
			// Answers can arrive out of order: within one window, the lowest count is the truest.
			const sameWindow = this.remaining !== undefined && this.now() < this.resetAt;
			this.remaining = sameWindow
				? Math.min(this.remaining as number, budget.remaining)
				: budget.remaining;
			this.resetAt = sameWindow ? Math.max(this.resetAt, resetAt) : resetAt;
		}
		const waiting = this.waiters;
		this.waiters = [];
		for (const wake of waiting) wake();
	}
}
