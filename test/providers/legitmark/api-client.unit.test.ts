// The provider kit's API client, driven through the Legitmark node on the real engine with nock
// standing in for Legitmark and for any host a redirect points at.
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { API_KEY, ASSET, BEARER, credentials, legitmark, photos, PLATFORM, SR } from './fixtures';
import { useNockedEngine } from '../../support/nock';

const env = useNockedEngine('default');

const OTHER_HOST = 'https://collector.example.net';

const getServiceRequest = () =>
	legitmark({ resource: 'serviceRequest', operation: 'get', serviceRequestId: SR, include: [] });

const createServiceRequest = () =>
	legitmark({
		resource: 'serviceRequest',
		operation: 'create',
		referenceId: 'SKU-1',
		categoryId: SR,
		typeId: SR,
	});

/** A network failure as Node reports it; nock needs an Error to fail the request at once. */
function networkError(code: string, message: string): Error {
	return Object.assign(new Error(message), { code });
}

/** Every request nock saw for a host, with the headers it carried. */
function recordRequests(host: string) {
	const seen: Array<{ method: string; path: string; authorization?: string }> = [];
	const record = function (this: nock.ReplyFnContext, uri: string): nock.ReplyFnResult {
		seen.push({
			method: this.req.method,
			path: uri,
			authorization: this.req.headers.authorization as string | undefined,
		});
		return [200, { ok: true }];
	};
	nock(host).persist().get(/.*/).reply(record).post(/.*/).reply(record);
	return seen;
}

describe('API client: redirects', () => {
	it.each([
		['GET /intent answered 302', 302, 'uploadFile'],
		['POST /api/v2/sr answered 307', 307, 'create'],
	])('never sends the key to another host: %s', async (_case, status) => {
		const other = recordRequests(OTHER_HOST);
		nock(ASSET)
			.get('/intent')
			.query(true)
			.reply(status, '', { Location: `${OTHER_HOST}/steal` });
		nock(PLATFORM)
			.post('/api/v2/sr')
			.reply(status, '', { Location: `${OTHER_HOST}/steal` });
		const node =
			status === 302
				? legitmark({
						resource: 'image',
						operation: 'getUploadUrl',
						serviceRequestId: SR,
						sideId: SR,
					})
				: createServiceRequest();

		const run = await env.engine.run({ nodes: [photos(), node], credentials });

		expect(other).toEqual([]);
		const error = run.error('Legitmark') as unknown as IDataObject;
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: String(status) });
		expect(error.message).toMatch(
			`redirected ${status === 302 ? 'GET /intent' : 'POST /api/v2/sr'} to another host (${OTHER_HOST}); the credential is not sent there [item 0]`,
		);
	});

	it('follows a redirect on the same host for a read, with the key', async () => {
		const api = nock(PLATFORM, { reqheaders: { authorization: BEARER } })
			.get(`/api/v2/sr/${SR}`)
			.reply(301, '', { Location: `/api/v2/sr/${SR}/` })
			.get(`/api/v2/sr/${SR}/`)
			.reply(200, { sr: { uuid: SR, state: 'DRAFT' } });

		const run = await env.engine.run({ nodes: [photos(), getServiceRequest()], credentials });

		expect(run.error('Legitmark')).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(run.output('Legitmark')[0].json).toMatchObject({ uuid: SR, state: 'DRAFT' });
	});

	it('does not turn a write into a read on a 302, even on the same host', async () => {
		const api = nock(PLATFORM)
			.post('/api/v2/sr')
			.reply(302, '', { Location: '/api/v2/sr/elsewhere' });
		const follow = nock(PLATFORM).get('/api/v2/sr/elsewhere').reply(200, {});

		const run = await env.engine.run({ nodes: [photos(), createServiceRequest()], credentials });

		expect(api.isDone()).toBe(true);
		expect(follow.isDone()).toBe(false);
		expect(run.error('Legitmark')).toMatchObject({ name: 'NodeApiError', httpCode: '302' });
	});
});

describe('API client: retries', () => {
	it('tries a read again after a network failure', async () => {
		const api = nock(PLATFORM)
			.get(`/api/v2/sr/${SR}`)
			.query(true)
			.replyWithError(networkError('ECONNRESET', 'socket hang up'))
			.get(`/api/v2/sr/${SR}`)
			.query(true)
			.reply(200, { sr: { uuid: SR } });

		const run = await env.engine.run({ nodes: [photos(), getServiceRequest()], credentials });

		expect(run.error('Legitmark')).toBeUndefined();
		expect(api.isDone()).toBe(true);
	});

	it('pauses before reading again: at least half of the first backoff step (1 s)', async () => {
		const answeredAt: number[] = [];
		const stamp = (status: number, body: object) => () => {
			answeredAt.push(performance.now());
			return [status, body] as [number, object];
		};
		nock(PLATFORM)
			.get(`/api/v2/sr/${SR}`)
			.query(true)
			.reply(stamp(503, { success: false, error: { code: 503, message: 'Busy' } }))
			.get(`/api/v2/sr/${SR}`)
			.query(true)
			.reply(stamp(200, { sr: { uuid: SR } }));

		const run = await env.engine.run({ nodes: [photos(), getServiceRequest()], credentials });

		expect(run.error('Legitmark')).toBeUndefined();
		expect(answeredAt).toHaveLength(2);
		// A lower bound only: a busy machine makes the pause longer, never shorter.
		expect(answeredAt[1] - answeredAt[0]).toBeGreaterThanOrEqual(500);
	});

	it('never repeats a write after a 500: the write may have happened', async () => {
		const api = nock(PLATFORM)
			.post('/api/v2/sr')
			.reply(500, { success: false, error: { code: 500, message: 'Internal error' } });
		const again = nock(PLATFORM)
			.post('/api/v2/sr')
			.reply(201, { sr: { uuid: SR } });

		const run = await env.engine.run({ nodes: [photos(), createServiceRequest()], credentials });

		expect(api.isDone()).toBe(true);
		expect(again.isDone()).toBe(false);
		expect(run.error('Legitmark')).toMatchObject({ httpCode: '500' });
	});

	it('says which provider could not be reached, and keeps the network code', async () => {
		nock(PLATFORM)
			.post('/api/v2/sr')
			.replyWithError(networkError('ECONNREFUSED', 'connect ECONNREFUSED'));

		const run = await env.engine.run({ nodes: [photos(), createServiceRequest()], credentials });

		expect(run.error('Legitmark')?.message).toBe(
			'Could not reach Legitmark: ECONNREFUSED [item 0]',
		);
	});
});

describe('API client: secrets', () => {
	it.each([
		[
			'in the error message',
			{ success: false, error: { code: 401, message: `Bad key ${API_KEY}` } },
		],
		[
			'in the details',
			{ success: false, error: { code: 401, message: 'Bad key', details: `key=${API_KEY}` } },
		],
		[
			'percent-encoded',
			{ success: false, error: { code: 401, message: `key=${encodeURIComponent(API_KEY)}` } },
		],
		['as plain text', `Unauthorized: ${API_KEY}`],
	])('masks the key when Legitmark echoes it %s', async (_case, body) => {
		nock(PLATFORM).post('/api/v2/sr').reply(401, body);

		const run = await env.engine.run({ nodes: [photos(), createServiceRequest()], credentials });

		const error = run.error('Legitmark');
		expect(error).toBeDefined();
		const stored =
			JSON.stringify(error) +
			JSON.stringify((error as unknown as { toJSON?: () => unknown }).toJSON?.());
		expect(stored).not.toContain(API_KEY);
		expect(stored).not.toContain(encodeURIComponent(API_KEY));
		expect(stored).toContain('***');
	});
});

describe('API client: Continue On Fail', () => {
	it("gives the next node the input, Legitmark's message, the advice and the status", async () => {
		nock(PLATFORM)
			.get(`/api/v2/sr/${SR}`)
			.query(true)
			.reply(404, { success: false, error: { code: 404, message: 'Service request not found' } });

		const run = await env.engine.run({
			nodes: [
				photos({ json: '{"sku":"SKU-7"}' }),
				{ ...getServiceRequest(), onError: 'continueRegularOutput' },
				{ name: 'Next', type: 'setFields', parameters: { fields: { seen: true } } },
			],
			credentials,
		});

		expect(run.output('Next')[0].json).toMatchObject({
			sku: 'SKU-7',
			seen: true,
			error: 'Service request not found [item 0]',
			errorDescription: 'Check the IDs this call used: Legitmark does not know them.',
			errorHttpCode: '404',
		});
	});
});
