// The provider kit's API client against answers scripted one call at a time: form bodies, rate
// limiting with its default readers (Retry-After, RateLimit-Remaining and RateLimit-Reset), and
// the redirect hop limit.
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { createApiClient } from '../../nodes/shared/apiClient';
import { ApiError } from '../../nodes/shared/errors';
import { rejectionOf } from '../support/failures';

interface Answer {
	statusCode: number;
	headers?: IDataObject;
	body?: unknown;
}

/** A context whose HTTP helper hands out the given answers in order, and records each request. */
function contextAnswering(...answers: Answer[]) {
	const sent: IHttpRequestOptions[] = [];
	const ctx = {
		getCredentials: async () => ({ apiKey: 'k' }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const answer = answers[sent.length];
				sent.push(options);
				if (!answer) throw new Error(`no answer scripted for call ${sent.length}`);
				return { body: {}, headers: {}, ...answer };
			},
		},
	} as unknown as IExecuteFunctions;
	return { ctx, sent };
}

const client = createApiClient<'api'>({
	provider: 'Example',
	credentialType: 'exampleApi',
	hosts: () => ({ api: 'https://api.example.com' }),
	defaultHost: 'api',
	secretFields: ['apiKey'],
	readError: () => ({}),
	rateLimit: { maxWaitMs: 500 },
});

describe('API client: form bodies', () => {
	it('sends `form` as multipart/form-data fields instead of a JSON body', async () => {
		const { ctx, sent } = contextAnswering({ statusCode: 200, body: { ok: true } });
		await client.request(ctx, {
			method: 'POST',
			path: '/start',
			form: { model: 'm', files: '[{"path":"p"}]' },
		});
		expect(sent).toHaveLength(1);
		const body = sent[0].body as FormData;
		expect(body).toBeInstanceOf(FormData);
		expect([...body.entries()]).toEqual([
			['model', 'm'],
			['files', '[{"path":"p"}]'],
		]);
		expect(sent[0].url).toBe('https://api.example.com/start');
	});

	it('keeps a JSON body when no form is given', async () => {
		const { ctx, sent } = contextAnswering({ statusCode: 200, body: {} });
		await client.request(ctx, { method: 'POST', path: '/x', body: { data: { a: 1 } } });
		expect(sent[0].body).toEqual({ data: { a: 1 } });
	});
});

const failureOf = async (call: Promise<unknown>) => await rejectionOf(call, ApiError);

describe('API client: rate limits with the default readers', () => {
	it('waits as long as Retry-After asks (0 s here) and sends the call again', async () => {
		// Without reading Retry-After the client would pause 1 s, longer than it may wait (0.5 s),
		// and fail with the 429 instead.
		const { ctx, sent } = contextAnswering(
			{ statusCode: 429, headers: { 'retry-after': '0' } },
			{ statusCode: 200, body: { ok: true } },
		);

		await expect(client.request(ctx, { method: 'GET', path: '/thing' })).resolves.toEqual({
			ok: true,
		});
		expect(sent.map((options) => options.url)).toEqual([
			'https://api.example.com/thing',
			'https://api.example.com/thing',
		]);
	});

	it('gives up on a 429 whose Retry-After ends after the longest wait, keeping the 429', async () => {
		const { ctx, sent } = contextAnswering({ statusCode: 429, headers: { 'retry-after': '3' } });

		const error = await failureOf(client.request(ctx, { method: 'GET', path: '/thing' }));

		expect(sent).toHaveLength(1);
		expect(error.details.httpCode).toBe(429);
		expect(error.details.retryAfterMs).toBe(3_000);
	});

	it('refuses a call the announced budget leaves no room for, saying when the window resets', async () => {
		const { ctx, sent } = contextAnswering({
			statusCode: 200,
			headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': '3600' },
			body: { first: true },
		});
		await expect(client.request(ctx, { method: 'GET', path: '/first' })).resolves.toEqual({
			first: true,
		});

		const error = await failureOf(client.request(ctx, { method: 'GET', path: '/second' }));

		expect(sent).toHaveLength(1);
		// The wait is counted from the clock, so the test allows for the time the calls took.
		expect(error.message).toMatch(
			/^Example's rate limit is used up: the rate-limit window resets in 3[56]\d\d s, later than this node waits \(0\.5 s\)$/,
		);
		expect(error.details).toEqual({
			httpCode: 429,
			retryAfterMs: expect.any(Number),
			description:
				'The calls of this run have used up what Example allows per window. Run fewer items at once, or try again later.',
		});
		expect(error.details.retryAfterMs).toBeLessThanOrEqual(3_600_000);
		expect(error.details.retryAfterMs).toBeGreaterThan(3_500_000);
	});
});

/** A provider whose envelope says `{ ok: false, status, error }` even on a 200. */
const envelopeClient = createApiClient<'api'>({
	provider: 'Envelope',
	credentialType: 'exampleApi',
	hosts: () => ({ api: 'https://api.example.com' }),
	defaultHost: 'api',
	secretFields: ['apiKey'],
	isFailure: (answer) => answer.statusCode >= 300 || (answer.body as IDataObject)?.ok === false,
	readError: (answer) => {
		const body = answer.body as IDataObject;
		return { httpCode: body.status as number, message: body.error as string };
	},
});

describe('API client: failed answers', () => {
	it.each([
		['a 400, whatever its envelope says', 400, { status: 200, error: 'bad' }, 400],
		['a 200 whose envelope reports a 409', 200, { ok: false, status: 409, error: 'taken' }, 409],
	])('keeps the status of %s', async (_case, statusCode, body, httpCode) => {
		const { ctx } = contextAnswering({ statusCode, body });

		const error = await failureOf(envelopeClient.request(ctx, { method: 'POST', path: '/x' }));

		expect(error.details.httpCode).toBe(httpCode);
		expect(error.message).toBe(body.error);
	});

	it('names the host a redirect points at, and sends nothing there', async () => {
		const { ctx, sent } = contextAnswering({
			statusCode: 302,
			headers: { location: 'https://elsewhere.example.net/steal' },
		});

		const error = await failureOf(client.request(ctx, { method: 'GET', path: '/thing' }));

		expect(sent).toHaveLength(1);
		expect(error.message).toBe(
			'Example redirected GET /thing to another host (https://elsewhere.example.net); the credential is not sent there',
		);
		expect(error.details).toEqual({
			httpCode: 302,
			description: 'Check the base URL in the Example credential: it must be the API host itself.',
		});
	});
});

describe('API client: answer bodies', () => {
	it.each([
		['blank text', ' \n ', {}],
		['JSON sent as text', '{"id":"a1"}', { id: 'a1' }],
		['no body', undefined, {}],
	])('reads %s', async (_case, body, expected) => {
		const { ctx } = contextAnswering({ statusCode: 200, body });
		await expect(client.request(ctx, { method: 'GET', path: '/thing' })).resolves.toEqual(expected);
	});

	it('refuses a page that is not JSON, showing how it began', async () => {
		const page = `  <html>${'x'.repeat(200)}</html>`;
		const { ctx } = contextAnswering({ statusCode: 200, body: page });

		const error = await failureOf(client.request(ctx, { method: 'GET', path: '/thing' }));

		expect(error.message).toBe('Example answered GET /thing with something that is not JSON');
		expect(error.details).toEqual({
			httpCode: 200,
			description: `It began: ${page.trim().slice(0, 120)}. A proxy or gateway may stand between n8n and Example; try again later.`,
		});
	});
});

describe('API client: redirect hops', () => {
	it('follows at most 5 redirects on the same host, then reports the last answer', async () => {
		const hop = (index: number): Answer => ({
			statusCode: 301,
			headers: { location: `/hop/${index + 1}` },
		});
		const { ctx, sent } = contextAnswering(...Array.from({ length: 7 }, (_, index) => hop(index)));

		const error = await failureOf(client.request(ctx, { method: 'GET', path: '/hop/0' }));

		expect(sent.map((options) => new URL(options.url).pathname)).toEqual([
			'/hop/0',
			'/hop/1',
			'/hop/2',
			'/hop/3',
			'/hop/4',
			'/hop/5',
		]);
		expect(error.message).toBe('Example answered with HTTP 301');
		expect(error.details.httpCode).toBe(301);
	});
});
