import { ApiError } from '../../nodes/shared/errors';
import { pollUntil, type PollLook } from '../../nodes/shared/poll';

/** A remote state that answers the given looks in turn, counting them. */
function remote(answers: Array<PollLook<string> | Error>) {
	let looks = 0;
	const look = async () => {
		const answer = answers[Math.min(looks++, answers.length - 1)];
		if (answer instanceof Error) throw answer;
		return answer;
	};
	return { look, looks: () => looks };
}

const rateLimited = () => new ApiError('Rate limit exceeded', { httpCode: 429 });

describe('pollUntil', () => {
	it('looks until done and returns the last value', async () => {
		const state = remote([
			{ done: false, value: 'one' },
			{ done: false },
			{ done: true, value: 'three' },
		]);

		const outcome = await pollUntil(state.look, { intervalMs: 1, timeoutMs: 60_000 });

		expect(outcome).toMatchObject({ done: true, value: 'three', rateLimited: false });
		expect(state.looks()).toBe(3);
	});

	it('with a timeout of 0 looks exactly once and reports what it saw', async () => {
		const state = remote([
			{ done: false, value: 'half' },
			{ done: true, value: 'never seen' },
		]);

		const outcome = await pollUntil(state.look, { intervalMs: 1, timeoutMs: 0 });

		expect(outcome).toMatchObject({ done: false, value: 'half' });
		expect(state.looks()).toBe(1);
	});

	it('keeps the last value seen when a later look has none', async () => {
		const state = remote([{ done: false, value: 'first' }, { done: false }]);

		const outcome = await pollUntil(state.look, { intervalMs: 1, timeoutMs: 0 });

		expect(outcome.value).toBe('first');
	});

	it('treats a 429 as "not yet" and looks again', async () => {
		const state = remote([rateLimited(), rateLimited(), { done: true, value: 'ready' }]);

		const outcome = await pollUntil(state.look, { intervalMs: 1, timeoutMs: 60_000 });

		expect(outcome).toMatchObject({ done: true, value: 'ready' });
		expect(state.looks()).toBe(3);
	});

	it('says it was rate limited when the last look before the timeout got a 429', async () => {
		const state = remote([rateLimited()]);

		const outcome = await pollUntil(state.look, { intervalMs: 1, timeoutMs: 0 });

		expect(outcome).toMatchObject({ done: false, rateLimited: true, value: undefined });
	});

	it('waits at least as long as Retry-After asks before the next look', async () => {
		const slow = new ApiError('Rate limit exceeded', { httpCode: 429, retryAfterMs: 120_000 });
		const state = remote([slow, { done: true, value: 'ready' }]);

		// The asked-for pause does not fit into the timeout, so no second look is made.
		const outcome = await pollUntil(state.look, { intervalMs: 1, timeoutMs: 60_000 });

		expect(outcome).toMatchObject({ done: false, rateLimited: true });
		expect(state.looks()).toBe(1);
	});

	it('ends at once on any other failure', async () => {
		const state = remote([
			new ApiError('Not found', { httpCode: 404 }),
			{ done: true, value: 'found' },
		]);

		await expect(pollUntil(state.look, { intervalMs: 1, timeoutMs: 60_000 })).rejects.toThrow(
			'Not found',
		);
		expect(state.looks()).toBe(1);
	});

	it('stops waiting with a clear error when the execution is cancelled', async () => {
		const controller = new AbortController();
		const look = async (): Promise<PollLook<string>> => {
			controller.abort();
			return { done: false };
		};

		await expect(
			pollUntil(look, { intervalMs: 60_000, timeoutMs: 600_000, signal: controller.signal }),
		).rejects.toThrow('The upload was stopped because the execution was cancelled');
	});
});
