import nock from 'nock';

import { API, API_KEY, closient, credentials, problemOf, SESSION, SESSION_PATH } from './fixtures';
import { useNockedEngine } from '../../support/nock';

// Starting n8n's engine takes seconds on a busy machine.
jest.setTimeout(30_000);

const env = useNockedEngine('default');

const session = (operation: string, parameters = {}) =>
	closient({ resource: 'session', operation, ...parameters });

const api = () => nock(API, { reqheaders: { 'x-api-key': API_KEY } });

const view = {
	id: SESSION,
	status: 'ACTIVE',
	capture_mode: 'product_photography',
	created: '2026-11-23T17:00:00Z',
	modified: '2026-11-23T17:00:00Z',
	metadata: { sku: 'A-1' },
	capture_count: 0,
	photo_count: 0,
};

describe('Session operations', () => {
	it('Create posts the capture mode and the additional fields, and outputs sessionId', async () => {
		const create = api()
			.post('/scanner/api/v1/sessions', {
				capture_mode: 'product_photography',
				metadata: { sku: 'A-1' },
				device_context: { model: 'Pixel' },
				organization_short_id: 'Org3Rt5Yu7Hp9Kj2Lm4Nb6',
				user_agent: 'n8n',
			})
			.reply(201, view);

		const run = await env.engine.run({
			nodes: [
				session('create', {
					captureMode: 'product_photography',
					additionalFields: {
						metadata: '{"sku": "A-1"}',
						deviceContext: '{"model": "Pixel"}',
						organizationShortId: 'Org3Rt5Yu7Hp9Kj2Lm4Nb6',
						userAgent: 'n8n',
					},
				}),
			],
			credentials,
		});

		expect(run.error('Closient')).toBeUndefined();
		expect(create.isDone()).toBe(true);
		expect(run.output('Closient')[0].json).toEqual({ sessionId: SESSION, ...view });
	});

	it('Create finds the session id under short_id when there is no id', async () => {
		const { id: _id, ...withoutId } = view;
		api()
			.post('/scanner/api/v1/sessions', { capture_mode: 'barcode_scan' })
			.reply(201, { ...withoutId, short_id: SESSION });

		const run = await env.engine.run({ nodes: [session('create')], credentials });

		expect(run.output('Closient')[0].json.sessionId).toBe(SESSION);
	});

	it('Create fails with a clear message when the answer has no session id', async () => {
		const { id: _id, ...withoutId } = view;
		api().post('/scanner/api/v1/sessions').reply(201, withoutId);

		const run = await env.engine.run({ nodes: [session('create')], credentials });

		expect(run.error('Closient')?.message).toBe(
			'Closient answered the new session without a session ID [item 0]',
		);
	});

	it.each([
		['get', 'GET', SESSION_PATH, { ...view, captures: [], product_photos: [] }],
		['submit', 'POST', `${SESSION_PATH}/submit`, { ...view, status: 'COMPLETED' }],
		[
			'getStatus',
			'GET',
			`${SESSION_PATH}/status`,
			{ session_status: 'ACTIVE', extraction_status: 'pending', captures: [] },
		],
	])(
		'%s calls %s %s and outputs the answer with sessionId',
		async (operation, method, path, answer) => {
			const scope = api().intercept(path, method).reply(200, answer);

			const run = await env.engine.run({
				nodes: [session(operation, { sessionId: SESSION })],
				credentials,
			});

			expect(run.error('Closient')).toBeUndefined();
			expect(scope.isDone()).toBe(true);
			expect(run.output('Closient')[0].json).toMatchObject({ sessionId: SESSION, ...answer });
		},
	);

	it('Get keeps the 404 problem and advises to check the ids', async () => {
		api()
			.get(SESSION_PATH)
			.reply(
				404,
				problemOf(404, 'Not Found', 'The requested resource was not found.', 'not_found'),
				{
					'Content-Type': 'application/problem+json',
				},
			);

		const run = await env.engine.run({
			nodes: [session('get', { sessionId: SESSION })],
			credentials,
		});

		expect(run.error('Closient')).toMatchObject({
			message: 'Not Found: The requested resource was not found. [item 0]',
			httpCode: '404',
		});
		expect((run.error('Closient') as { description?: string }).description).toContain(
			'Check the IDs this call used',
		);
	});

	it('Create refuses metadata that is no JSON object before any request', async () => {
		const run = await env.engine.run({
			nodes: [session('create', { additionalFields: { metadata: '{sku' } })],
			credentials,
		});

		expect(run.error('Closient')?.message).toBe('"Metadata" is not valid JSON [item 0]');
		expect(env.unexpected.count()).toBe(0);
	});

	it.each([
		['csb_short_00000000', 'The API key is not <prefix>_<32 letters and digits>_<8 hex digits>'],
		['sk_live_123', 'The API key does not start with csb_, csu_ or cpk_'],
		[
			`${API_KEY.slice(0, -8)}${API_KEY.endsWith('0') ? '1' : '0'}${API_KEY.slice(-7)}`,
			"The API key's checksum does not match its body: a character was changed or lost",
		],
	])(
		'a malformed key %j fails locally with the reason, before any request',
		async (apiKey, reason) => {
			const run = await env.engine.run({
				nodes: [session('get', { sessionId: SESSION })],
				credentials: { closientApi: { apiKey, baseUrl: API } },
			});

			expect(run.error('Closient')).toMatchObject({
				name: 'NodeOperationError',
				message: `${reason} (Closient credential) [item 0]`,
			});
			expect(env.unexpected.count()).toBe(0);
		},
	);

	it('masks the key wherever an answer echoes it', async () => {
		api()
			.get(SESSION_PATH)
			.reply(401, problemOf(401, 'Unauthorized', `Key ${API_KEY} is revoked.`, 'unauthorized'), {
				'Content-Type': 'application/problem+json',
			});

		const run = await env.engine.run({
			nodes: [session('get', { sessionId: SESSION })],
			credentials,
		});

		expect(run.error('Closient')?.message).not.toContain(API_KEY);
		expect(run.error('Closient')).toMatchObject({ httpCode: '401' });
	});
});
