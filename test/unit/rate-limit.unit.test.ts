import {
	RateGovernor,
	rateBudgetFromHeaders,
	RateLimitWaitTooLong,
	retryAfterFromHeaders,
} from '../../nodes/shared/rateLimit';

/** A governor on a clock of its own: every wait moves the clock on by what was asked. */
function governed() {
	let clock = 1_000_000;
	const waits: number[] = [];
	const governor = new RateGovernor(
		async (ms) => {
			waits.push(ms);
			clock += ms;
		},
		() => clock,
	);
	return {
		governor,
		waits,
		now: () => clock,
		/** Time passing while calls are out. */
		tick: (ms: number) => (clock += ms),
	};
}

/** Lets every promise that can settle settle. */
const settle = async () => await new Promise((resolve) => setImmediate(resolve));

/** Starts an acquire and says whether it has resolved. */
function acquiring(governor: RateGovernor, deadline = Number.MAX_SAFE_INTEGER) {
	const state = { granted: false, failure: undefined as unknown };
	governor.acquire(deadline).then(
		() => (state.granted = true),
		(error: unknown) => (state.failure = error),
	);
	return state;
}

describe('RateGovernor', () => {
	it('sends one call until an answer tells the budget, then as many as the budget allows', async () => {
		const { governor, waits } = governed();
		const calls = Array.from({ length: 5 }, () => acquiring(governor));
		await settle();
		expect(calls.map((call) => call.granted)).toEqual([true, false, false, false, false]);

		governor.release({ remaining: 3, resetMs: 60_000 }, true);
		await settle();
		// Three left, none in flight: three of the four waiting calls go, the fourth waits for the reset.
		expect(calls.filter((call) => call.granted)).toHaveLength(4);
		expect(waits).toEqual([60_000]);
	});

	it('waits for the reset once the budget minus the calls in flight is used up', async () => {
		const { governor, waits } = governed();
		await governor.acquire(Number.MAX_SAFE_INTEGER);
		governor.release({ remaining: 2, resetMs: 5_000 }, true);
		await governor.acquire(Number.MAX_SAFE_INTEGER);
		await governor.acquire(Number.MAX_SAFE_INTEGER);

		const third = acquiring(governor);
		await settle();

		expect(waits).toEqual([5_000]);
		// After the reset the budget is unknown, and two calls are still in flight: the next answer tells.
		expect(third.granted).toBe(false);
		governor.release({ remaining: 5, resetMs: 5_000 }, true);
		await settle();
		expect(third.granted).toBe(true);
	});

	it('keeps the lowest count of one window when answers arrive out of order', async () => {
		const { governor } = governed();
		await governor.acquire(Number.MAX_SAFE_INTEGER);
		governor.release({ remaining: 4, resetMs: 10_000 }, true);
		await governor.acquire(Number.MAX_SAFE_INTEGER);
		await governor.acquire(Number.MAX_SAFE_INTEGER);
		governor.release({ remaining: 1, resetMs: 10_000 }, true);
		governor.release({ remaining: 2, resetMs: 10_000 }, true);

		await governor.acquire(Number.MAX_SAFE_INTEGER);
		const next = acquiring(governor, 1_000_000 + 5_000);
		await settle();

		expect(next.failure).toBeInstanceOf(RateLimitWaitTooLong);
		expect((next.failure as RateLimitWaitTooLong).waitMs).toBe(10_000);
	});

	it('waits for a reset that comes exactly at the deadline', async () => {
		const { governor, waits } = governed();
		await governor.acquire(Number.MAX_SAFE_INTEGER);
		governor.release({ remaining: 0, resetMs: 5_000 }, true);

		await governor.acquire(1_000_000 + 5_000);

		expect(waits).toEqual([5_000]);
	});

	it('keeps the latest reset of one window when answers announce different ones', async () => {
		const { governor } = governed();
		await governor.acquire(Number.MAX_SAFE_INTEGER);
		governor.release({ remaining: 1, resetMs: 5_000 }, true);
		await governor.acquire(Number.MAX_SAFE_INTEGER);
		governor.release({ remaining: 0, resetMs: 8_000 }, true);

		const next = acquiring(governor, 1_000_000 + 6_000);
		await settle();

		expect((next.failure as RateLimitWaitTooLong).waitMs).toBe(8_000);
	});

	it('takes an answer that arrives at the reset instant as the new window', async () => {
		const { governor, tick } = governed();
		await governor.acquire(Number.MAX_SAFE_INTEGER);
		governor.release({ remaining: 4, resetMs: 10_000 }, true);
		await governor.acquire(Number.MAX_SAFE_INTEGER);
		tick(10_000);
		governor.release({ remaining: 9, resetMs: 10_000 }, true);

		const calls = Array.from({ length: 10 }, () => acquiring(governor));
		await settle();

		expect(calls.filter((call) => call.granted)).toHaveLength(9);
	});

	it('stops governing once an answer carries no budget', async () => {
		const { governor } = governed();
		const calls = Array.from({ length: 4 }, () => acquiring(governor));
		await settle();
		governor.release(undefined, true);
		await settle();
		expect(calls.every((call) => call.granted)).toBe(true);
	});

	it('a call without an answer changes nothing but frees its place', async () => {
		const { governor } = governed();
		await governor.acquire(Number.MAX_SAFE_INTEGER);
		const second = acquiring(governor);
		await settle();
		governor.release(undefined, false);
		await settle();
		expect(second.granted).toBe(true);
		const third = acquiring(governor);
		await settle();
		expect(third.granted).toBe(false);
	});
});

describe('rate-limit headers', () => {
	it('reads RateLimit-Remaining and RateLimit-Reset as seconds', () => {
		expect(rateBudgetFromHeaders({ 'ratelimit-remaining': '7', 'ratelimit-reset': '12' })).toEqual({
			remaining: 7,
			resetMs: 12_000,
		});
		expect(rateBudgetFromHeaders({ 'ratelimit-remaining': '7' })).toBeUndefined();
		expect(
			rateBudgetFromHeaders({ 'ratelimit-remaining': 'many', 'ratelimit-reset': '1' }),
		).toBeUndefined();
	});

	it('takes numbers as they are and refuses negative counts', () => {
		expect(rateBudgetFromHeaders({ 'ratelimit-remaining': 3, 'ratelimit-reset': 10 })).toEqual({
			remaining: 3,
			resetMs: 10_000,
		});
		expect(
			rateBudgetFromHeaders({ 'ratelimit-remaining': '-1', 'ratelimit-reset': '5' }),
		).toBeUndefined();
		expect(
			rateBudgetFromHeaders({ 'ratelimit-remaining': true, 'ratelimit-reset': '5' }),
		).toBeUndefined();
	});

	it('reads Retry-After', () => {
		expect(retryAfterFromHeaders({ 'retry-after': '2' })).toBe(2000);
		expect(retryAfterFromHeaders({})).toBeUndefined();
	});
});
