// The one retry loop: how many tries, how long between them, and what the last failure says.
import { CancelledError, TransferError } from '../../nodes/transfer/errors';
import { backoffDelay, retrying, withRetry, type RetryPolicy } from '../../nodes/transfer/retry';

// Pauses of 0 ms keep these tests off the clock; backoffDelay's own numbers are tested alone.
const NO_WAIT: RetryPolicy = { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 };

const retryable = (message = 'Storage rejected the upload: HTTP 503 - busy') =>
	new TransferError(message, { httpCode: 503, retryable: true });

describe('backoffDelay', () => {
	afterEach(() => jest.restoreAllMocks());

	it('doubles from the base delay, half fixed and half random, up to the maximum', () => {
		const policy = { maxAttempts: 9, baseDelayMs: 100, maxDelayMs: 1000 };
		jest.spyOn(Math, 'random').mockReturnValue(0);
		expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, policy))).toEqual([
			50, 100, 200, 400, 500,
		]);
		jest.spyOn(Math, 'random').mockReturnValue(0.5);
		expect([1, 2, 5].map((attempt) => backoffDelay(attempt, policy))).toEqual([75, 150, 750]);
	});
});

describe('retrying', () => {
	it('tries up to maxAttempts times, numbering the attempts, and throws the last failure', async () => {
		const seen: number[] = [];
		const failures = [new Error('one'), new Error('two'), new Error('three')];
		const result = retrying(
			async (n) => {
				seen.push(n);
				throw failures[n - 1];
			},
			NO_WAIT,
			() => ({ retry: true }),
		);
		await expect(result).rejects.toBe(failures[2]);
		expect(seen).toEqual([1, 2, 3]);
	});

	it('stops at the first failure its judge calls final', async () => {
		let calls = 0;
		const final = new Error('final');
		await expect(
			retrying(
				async () => {
					calls++;
					throw final;
				},
				NO_WAIT,
				() => ({ retry: false }),
			),
		).rejects.toBe(final);
		expect(calls).toBe(1);
	});

	it('returns the first success', async () => {
		let calls = 0;
		const result = await retrying(
			async () => {
				if (++calls < 2) throw new Error('once');
				return 'done';
			},
			NO_WAIT,
			() => ({ retry: true }),
		);
		expect([result, calls]).toEqual(['done', 2]);
	});

	it('gives up at once when the asked-for pause is longer than the policy allows', async () => {
		let calls = 0;
		const policy = { ...NO_WAIT, maxDelayMs: 1000, maxRetryAfterMs: 5000 };
		await expect(
			retrying(
				async () => {
					calls++;
					throw new Error('wait');
				},
				policy,
				() => ({ retry: true, afterMs: 5001 }),
			),
		).rejects.toThrow('wait');
		expect(calls).toBe(1);
	});

	it('makes no attempt once the execution is cancelled', async () => {
		const controller = new AbortController();
		controller.abort();
		const attempt = jest.fn(async () => 'never');
		await expect(
			retrying(attempt, { ...NO_WAIT, signal: controller.signal }, () => ({ retry: true })),
		).rejects.toBeInstanceOf(CancelledError);
		expect(attempt).not.toHaveBeenCalled();
	});
});

describe('withRetry', () => {
	it('says how often it tried when every attempt failed, and marks the failure final', async () => {
		const error = await withRetry(async () => {
			throw retryable();
		}, NO_WAIT).catch((e: unknown) => e as TransferError);
		expect(error).toBeInstanceOf(TransferError);
		expect(error.message).toBe(
			'Storage rejected the upload: HTTP 503 - busy (gave up after 3 attempts)',
		);
		expect(error.details).toMatchObject({ httpCode: 503, retryable: false });
	});

	it('says it tried once when one attempt is all it may make', async () => {
		const error = await withRetry(
			async () => {
				throw retryable();
			},
			{ ...NO_WAIT, maxAttempts: 1 },
		).catch((e: unknown) => e as TransferError);
		expect(error.message).toBe(
			'Storage rejected the upload: HTTP 503 - busy (tried once, as Max Attempts asks)',
		);
	});

	it('passes a failure that is not worth a retry on unchanged, after one attempt', async () => {
		const refused = new TransferError('Storage rejected the upload: AccessDenied - no', {
			httpCode: 403,
			retryable: false,
		});
		let calls = 0;
		await expect(
			withRetry(async () => {
				calls++;
				throw refused;
			}, NO_WAIT),
		).rejects.toBe(refused);
		expect(calls).toBe(1);
	});

	it('names the wait the storage asked for and the limit, rounded up to seconds', async () => {
		const policy = { ...NO_WAIT, maxDelayMs: 2000 };
		const error = await withRetry(async () => {
			throw new TransferError('Storage rejected the upload: SlowDown - slow', {
				httpCode: 503,
				retryable: true,
				retryAfterMs: 2001,
			});
		}, policy).catch((e: unknown) => e as TransferError);
		expect(error.message).toBe(
			'Storage rejected the upload: SlowDown - slow (the storage asked to wait 3 s before trying again, longer than the 2 s this node waits)',
		);
	});
});
