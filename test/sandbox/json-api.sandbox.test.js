'use strict';
// The JSON-API kit every provider emulator is built on: routes, the key check, the envelope,
// injected failures, latency, body limits and the call log, over real HTTP on loopback.

const { createJsonApi, ApiError, reply } = require('../../sandbox/json-api');

const KEY = 'k-123';

let api;
let server;

beforeAll(async () => {
	api = createJsonApi({
		auth: { header: 'X-Api-Key', expected: KEY, scope: '/v1/' },
		envelope: (status, message, details, extra) => ({
			problem: { status, message, details, ...extra },
		}),
		errors: { notFound: { message: 'No such route', details: 'route' } },
		bodyLimit: 64,
		maskHeaders: ['x-api-key'],
	});
	api.route('GET', '/health', () => ({ ok: true }));
	api.route('GET', '/v1/items/:id/parts/:part', ({ params, query }) => ({
		params,
		q: query.get('q'),
	}));
	api.route('POST', '/v1/items', ({ json }) =>
		reply(201, { created: json() }, { Location: '/v1/items/1' }),
	);
	api.route('GET', '/v1/open', () => ({ open: true }), { auth: 'none' });
	api.route('GET', '/maybe', () => ({ maybe: true }), { auth: 'optional' });
	api.route('GET', '/v1/teapot', () => {
		throw new ApiError(418, 'I am a teapot', 'tea', {
			headers: { 'X-Tea': 'yes' },
			hint: 'coffee',
		});
	});
	api.route('GET', '/v1/broken', () => {
		throw new Error('boom');
	});
	api.route('GET', '/v1/bytes', () =>
		reply(200, Buffer.from('raw'), { 'Content-Type': 'text/plain' }),
	);
	server = await api.listen();
});

afterAll(async () => await server.close());

afterEach(() => api.reset());

/** key: null sends no key at all. */
async function call(path, { method = 'GET', key = KEY, body, headers = {} } = {}) {
	const response = await fetch(`${server.url}${path}`, {
		method,
		headers: { ...(key === null ? {} : { 'X-Api-Key': key }), ...headers },
		body,
	});
	const text = await response.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

describe('routes', () => {
	it('matches :params per segment and hands over the query', async () => {
		const { status, json } = await call('/v1/items/a1/parts/b2?q=x');
		expect(status).toBe(200);
		expect(json).toEqual({ params: { id: 'a1', part: 'b2' }, q: 'x' });
		expect((await call('/v1/items/a1/parts')).status).toBe(404);
		expect((await call('/v1/items/a1/parts/b2/c')).status).toBe(404);
	});

	it('answers an unknown route with 404 in the envelope, and another method as unknown', async () => {
		const { status, json } = await call('/v1/items/a/parts/b', { method: 'DELETE' });
		expect(status).toBe(404);
		expect(json).toEqual({ problem: { status: 404, message: 'No such route', details: 'route' } });
	});

	it('sends reply() status, headers and a Buffer body as they are', async () => {
		const created = await call('/v1/items', { method: 'POST', body: '{"name":"n"}' });
		expect(created).toMatchObject({ status: 201, json: { created: { name: 'n' } } });
		expect(created.headers.get('location')).toBe('/v1/items/1');
		const raw = await call('/v1/bytes');
		expect(raw.text).toBe('raw');
		expect(raw.headers.get('content-type')).toBe('text/plain');
		expect(raw.headers.get('content-length')).toBe('3');
	});

	it('renders a thrown ApiError with its headers and extras, anything else as a 500', async () => {
		const teapot = await call('/v1/teapot');
		expect(teapot.status).toBe(418);
		expect(teapot.headers.get('x-tea')).toBe('yes');
		expect(teapot.json).toEqual({
			problem: { status: 418, message: 'I am a teapot', details: 'tea', hint: 'coffee' },
		});
		const broken = await call('/v1/broken');
		expect(broken.status).toBe(500);
		expect(broken.json.problem).toMatchObject({
			message: 'Internal server error',
			details: 'boom',
		});
	});
});

describe('API key', () => {
	it('wants the key on every path in scope, known route or not', async () => {
		expect((await call('/v1/items/a/parts/b', { key: null })).status).toBe(401);
		expect((await call('/v1/items/a/parts/b', { key: 'wrong' })).status).toBe(401);
		expect((await call('/v1/nothing-here', { key: null })).status).toBe(401);
		expect((await call('/v1/nothing-here')).status).toBe(404);
	});

	it('lets a route opt out, or check the key only when one is sent', async () => {
		expect((await call('/health', { key: null })).status).toBe(200);
		expect((await call('/v1/open', { key: 'wrong' })).status).toBe(200);
		expect((await call('/maybe', { key: null })).status).toBe(200);
		expect((await call('/maybe')).status).toBe(200);
		expect((await call('/maybe', { key: 'wrong' })).status).toBe(401);
	});
});

describe('bodies', () => {
	it('refuses JSON that does not parse when the handler reads it', async () => {
		const { status, json } = await call('/v1/items', { method: 'POST', body: '{nope' });
		expect(status).toBe(400);
		expect(json.problem.message).toBe('Request body is not valid JSON');
	});

	it('refuses a body over the limit with 413 and logs the call without it', async () => {
		const { status } = await call('/v1/items', { method: 'POST', body: `"${'x'.repeat(100)}"` });
		expect(status).toBe(413);
		expect(api.calls.at(-1)).toMatchObject({ method: 'POST', path: '/v1/items', body: undefined });
	});
});

describe('injected failures', () => {
	it('fails the next matching calls `times` times, then answers again', async () => {
		api.failNext({ path: '/v1/open', status: 503, times: 2, message: 'Down', details: 'maint' });
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await call('/v1/open')).status);
		expect(statuses).toEqual([503, 503, 200]);
	});

	it('matches by route pattern, method or path RegExp, before the key check', async () => {
		api.failNext({
			route: 'GET /v1/items/:id/parts/:part',
			status: 429,
			headers: { 'Retry-After': '4' },
		});
		const limited = await call('/v1/items/x/parts/y', { key: null });
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('4');
		expect(limited.json.problem).toMatchObject({ status: 429, message: 'Injected failure 429' });

		api.failNext({ method: 'POST', path: /^\/v1\//, status: 500 });
		expect((await call('/v1/open')).status).toBe(200);
		expect((await call('/v1/items', { method: 'POST', body: '{}' })).status).toBe(500);
	});

	it('sends a given body instead of the envelope', async () => {
		api.failNext({ status: 502, body: { gateway: 'bad' } });
		expect(await call('/health')).toMatchObject({ status: 502, json: { gateway: 'bad' } });
	});

	it('forgets pending failures on clearFaults()', async () => {
		api.failNext({ status: 500 });
		api.clearFaults();
		expect((await call('/health')).status).toBe(200);
	});

	it('needs a status', () => {
		expect(() => api.failNext({ path: '/health' })).toThrow(/status/);
	});
});

describe('latency and the call log', () => {
	it('delays every answer by the latency set', async () => {
		api.setLatency(150);
		const started = Date.now();
		expect((await call('/health')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('logs method, path, query, headers (secrets masked), body and the auth header', async () => {
		await call('/v1/items?x=1', { method: 'POST', body: '{"a":1}', headers: { 'X-Trace': 't' } });
		expect(api.calls).toEqual([
			{
				method: 'POST',
				path: '/v1/items',
				query: { x: '1' },
				headers: expect.objectContaining({ 'x-api-key': '***', 'x-trace': 't' }),
				body: { a: 1 },
				auth: '***',
			},
		]);
		await call('/health', { key: null });
		expect(api.calls[1]).toMatchObject({ auth: undefined, body: undefined });
		expect(api.calls[1].headers['x-api-key']).toBeUndefined();
	});

	it('keeps the same calls array through reset()', async () => {
		const { calls } = api;
		await call('/health');
		api.reset();
		expect(calls).toBe(api.calls);
		expect(calls).toHaveLength(0);
	});
});
