import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { BEARER, credentials, FRONT, legitmark, photos, PLATFORM, SIZE_TAG, SR } from './fixtures';
import { useNockedEngine } from '../../support/nock';
import type { NodeSpec } from '../../support/engine';
import { binarySha256 } from '../../support/binary';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternSha256 } = require('../../../sandbox/bytes');

const CATEGORY = '5b0d3f4e-2c1a-4e8b-9f60-1a2b3c4d5e01';
const TYPE = '5b0d3f4e-2c1a-4e8b-9f60-1a2b3c4d5e02';
const BRAND = '5b0d3f4e-2c1a-4e8b-9f60-1a2b3c4d5e03';

const env = useNockedEngine('default');

const api = () => nock(PLATFORM, { reqheaders: { authorization: BEARER } });

function side(uuid: string, name: string, uploaded: boolean): IDataObject {
	return {
		uuid,
		name,
		required: true,
		media_url: uploaded
			? [{ url: `https://media.legitmark.com/sr/${SR}/${uuid}.jpg`, is_latest: true }]
			: [],
	};
}

/** GET /api/v2/sr/{uuid}?item=true&sides=true as Legitmark answers it. */
function srWithSides(uploaded: { front: boolean; tag: boolean }): IDataObject {
	const required = [
		side(FRONT, 'Front', uploaded.front),
		side(SIZE_TAG, 'Interior Size Tag', uploaded.tag),
	];
	const current = required.filter((s) => (s.media_url as unknown[]).length > 0).length;
	return {
		success: true,
		sr: {
			uuid: SR,
			state: { primary: 'DRAFT', supplement: null },
			item: { category: CATEGORY, type: TYPE },
			sides: {
				required,
				optional: [],
				progress: {
					current_required: current,
					total_required: 2,
					current_optional: 0,
					total_optional: 0,
					met: current === 2,
				},
			},
		},
	};
}

const sidesQuery = { item: 'true', sides: 'true' };

/** The workflow every test runs: a photo source, then the Legitmark node under test. */
const runAfterPhotos = async (node: NodeSpec) =>
	await env.engine.run({ nodes: [photos(), node], credentials });

const serviceRequest = (operation: string, extra: IDataObject = {}) =>
	legitmark({ resource: 'serviceRequest', operation, serviceRequestId: SR, ...extra });

const create = (extra: IDataObject = {}) =>
	legitmark({
		resource: 'serviceRequest',
		operation: 'create',
		referenceId: 'SKU-42',
		categoryId: CATEGORY,
		typeId: TYPE,
		...extra,
	});

describe('Service Request → Create', () => {
	it('POSTs reference_id and the item, with the optional fields only when set', async () => {
		const scope = api()
			.post('/api/v2/sr', {
				reference_id: 'SKU-42',
				item: { category: CATEGORY, type: TYPE, brand: BRAND },
				source: 'n8n',
			})
			.reply(200, {
				success: true,
				message: 'Service request initiated successfully.',
				sr: { uuid: SR, external_id: 'SKU-42', state: { primary: 'DRAFT', supplement: null } },
			});

		const run = await runAfterPhotos(
			create({ additionalFields: { brandId: BRAND, source: 'n8n' } }),
		);

		expect(run.error('Legitmark')).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		const [item] = run.output('Legitmark');
		expect(item.json).toEqual({
			uuid: SR,
			external_id: 'SKU-42',
			state: { primary: 'DRAFT', supplement: null },
		});
		expect(binarySha256(item.binary?.data)).toBe(patternSha256(2048, 1));
	});

	it('refuses a category that is not a UUID before any request', async () => {
		const run = await env.engine.run({
			nodes: [
				photos(),
				legitmark({
					resource: 'serviceRequest',
					operation: 'create',
					referenceId: 'SKU-42',
					categoryId: 'Handbags',
					typeId: TYPE,
				}),
			],
			credentials,
		});

		expect(run.error('Legitmark')?.message).toMatch(
			/^"Category ID" must be a UUID.*"Handbags" \[item 0\]$/,
		);
		expect(env.unexpected.count()).toBe(0);
	});

	it('does not send a create twice after a 503, since the first may have been stored', async () => {
		const scope = api()
			.post('/api/v2/sr')
			.reply(503, { success: false, error: { code: 503, message: 'Service unavailable' } })
			.post('/api/v2/sr')
			.reply(200, { success: true, sr: { uuid: SR } });

		const run = await env.engine.run({
			nodes: [
				photos(),
				legitmark({
					resource: 'serviceRequest',
					operation: 'create',
					referenceId: 'SKU-43',
					categoryId: CATEGORY,
					typeId: TYPE,
				}),
			],
			credentials,
		});

		expect(run.error('Legitmark')).toMatchObject({ name: 'NodeApiError', httpCode: '503' });
		expect(scope.pendingMocks()).toHaveLength(1);
	});

	it("turns a 409 into a NodeApiError with Legitmark's message and details", async () => {
		api()
			.post('/api/v2/sr')
			.reply(409, {
				success: false,
				error: {
					code: 409,
					message: 'A service request with this reference_id already exists',
					details: 'conflict/duplicate-reference',
				},
			});

		const run = await runAfterPhotos(create());

		const error = run.error('Legitmark') as unknown as IDataObject;
		expect(error).toMatchObject({
			name: 'NodeApiError',
			message: 'A service request with this reference_id already exists [item 0]',
			httpCode: '409',
		});
		expect(error.description).toMatch(/^conflict\/duplicate-reference /);
	});

	it('says when a 401 comes with a key that lacks the leo_ prefix', async () => {
		nock(PLATFORM, { reqheaders: { authorization: 'Bearer sk_live_other' } })
			.post('/api/v2/sr')
			.reply(401, { success: false, error: { code: 401, message: 'Unauthorized' } });

		const run = await env.engine.run({
			nodes: [
				photos(),
				legitmark({
					resource: 'serviceRequest',
					operation: 'create',
					referenceId: 'SKU-42',
					categoryId: CATEGORY,
					typeId: TYPE,
				}),
			],
			credentials: { legitmarkApi: { ...credentials.legitmarkApi, apiKey: 'sk_live_other' } },
		});

		expect(run.error('Legitmark')?.message).toBe('Unauthorized [item 0]');
		expect((run.error('Legitmark') as unknown as IDataObject).description).toMatch(
			/does not start with leo_/,
		);
	});
});

describe('Service Request → Get', () => {
	it('asks for item and sides by default', async () => {
		const scope = api()
			.get(`/api/v2/sr/${SR}`)
			.query(sidesQuery)
			.reply(200, srWithSides({ front: true, tag: false }));

		const run = await runAfterPhotos(serviceRequest('get'));

		expect(scope.isDone()).toBe(true);
		expect(run.output('Legitmark')[0].json.sides).toMatchObject({
			progress: { current_required: 1, met: false },
		});
	});

	it('adds the flags requirements depends on', async () => {
		const scope = api()
			.get(`/api/v2/sr/${SR}`)
			.query({ item: 'true', sides: 'true', requirements: 'true', outcome: 'true' })
			.reply(200, { success: true, sr: { uuid: SR } });

		const run = await runAfterPhotos(
			serviceRequest('get', { include: ['outcome', 'requirements'] }),
		);

		expect(run.error('Legitmark')).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('turns a 404 into a NodeApiError', async () => {
		api()
			.get(`/api/v2/sr/${SR}`)
			.query(true)
			.reply(404, {
				success: false,
				error: { code: 404, message: 'Service request not found', details: 'sr/not-found' },
			});

		const run = await runAfterPhotos(serviceRequest('get'));

		expect(run.error('Legitmark')).toMatchObject({
			name: 'NodeApiError',
			message: 'Service request not found [item 0]',
			httpCode: '404',
		});
	});
});

describe('Service Request → Wait for Requirements', () => {
	const wait = (options: IDataObject) => serviceRequest('waitForRequirements', { options });

	it('polls the progress, riding out a 429, until the required sides are met', async () => {
		const scope = api()
			.get(`/api/v2/sr/${SR}`)
			.query(sidesQuery)
			.reply(200, srWithSides({ front: false, tag: false }))
			.get(`/api/v2/sr/${SR}`)
			.query(sidesQuery)
			.reply(429, { success: false, error: { code: 429, message: 'Rate limit exceeded' } })
			.get(`/api/v2/sr/${SR}`)
			.query(sidesQuery)
			.reply(200, srWithSides({ front: true, tag: true }));

		const run = await runAfterPhotos(wait({ pollIntervalSeconds: 0.1, timeoutSeconds: 10 }));

		expect(run.error('Legitmark')).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		const [item] = run.output('Legitmark');
		expect(item.json.sides).toMatchObject({ progress: { met: true } });
		expect(item.json.waitedMs).toBeGreaterThanOrEqual(200);
	});

	it('fails after the timeout, listing the sides still missing', async () => {
		let looks = 0;
		api()
			.get(`/api/v2/sr/${SR}`)
			.query(sidesQuery)
			.times(20)
			.reply(() => {
				looks++;
				return [200, srWithSides({ front: true, tag: false })];
			});

		const run = await runAfterPhotos(wait({ pollIntervalSeconds: 0.2, timeoutSeconds: 0.5 }));

		// Looks at 0, 0.2 and 0.4 s at the most: the next one would start after the timeout.
		expect(looks).toBeGreaterThanOrEqual(1);
		expect(looks).toBeLessThanOrEqual(3);
		expect(run.error('Legitmark')).toMatchObject({ name: 'NodeOperationError' });
		expect(run.error('Legitmark')?.message).toBe(
			`Service request ${SR} did not meet its requirements within 0.5 s: 1 of 2 required sides present; missing: Interior Size Tag (${SIZE_TAG}) [item 0]`,
		);
	});

	it('ends at once on a failure other than 429 or 5xx', async () => {
		const scope = api()
			.get(`/api/v2/sr/${SR}`)
			.query(sidesQuery)
			.reply(404, { success: false, error: { code: 404, message: 'Service request not found' } })
			.get(`/api/v2/sr/${SR}`)
			.query(sidesQuery)
			.reply(200, srWithSides({ front: true, tag: true }));

		const run = await runAfterPhotos(wait({ pollIntervalSeconds: 0.1, timeoutSeconds: 10 }));

		expect(run.error('Legitmark')).toMatchObject({
			name: 'NodeApiError',
			message: 'Service request not found [item 0]',
			httpCode: '404',
		});
		expect(scope.pendingMocks()).toHaveLength(1);
	});

	it('reads again after a 5xx, and keeps the last 5xx when it persists', async () => {
		const scope = api()
			.get(`/api/v2/sr/${SR}`)
			.query(sidesQuery)
			.times(3)
			.reply(500, { success: false, error: { code: 500, message: 'Internal server error' } });

		const run = await runAfterPhotos(wait({ pollIntervalSeconds: 0.1, timeoutSeconds: 10 }));

		expect(scope.isDone()).toBe(true);
		expect(run.error('Legitmark')).toMatchObject({
			name: 'NodeApiError',
			message: 'Internal server error [item 0]',
			httpCode: '500',
		});
	}, 15_000);
});

describe('Service Request → Complete Upload (Submit)', () => {
	const submitted = {
		success: true,
		message: 'Service request submitted for authentication.',
		sr: { uuid: SR, micro_id: 'LM1', state: { primary: 'QC', supplement: null } },
	};

	it('checks the progress, then POSTs /submit without a body', async () => {
		const scope = api()
			.get(`/api/v2/sr/${SR}`)
			.query(sidesQuery)
			.reply(200, srWithSides({ front: true, tag: true }))
			.post(
				`/api/v2/sr/${SR}/submit`,
				(body) => body === '' || body === undefined || Object.keys(body).length === 0,
			)
			.reply(200, submitted);

		const run = await runAfterPhotos(serviceRequest('complete'));

		expect(run.error('Legitmark')).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(run.output('Legitmark')[0].json).toEqual(submitted.sr);
	});

	it('refuses to submit while required sides are missing, naming them', async () => {
		const check = api()
			.get(`/api/v2/sr/${SR}`)
			.query(sidesQuery)
			.reply(200, srWithSides({ front: false, tag: false }));

		const run = await runAfterPhotos(serviceRequest('complete'));

		expect(check.isDone()).toBe(true);
		expect(run.error('Legitmark')?.message).toBe(
			`Service request ${SR} is not ready to submit: 0 of 2 required sides present; missing: Front (${FRONT}), Interior Size Tag (${SIZE_TAG}) [item 0]`,
		);
		expect(env.unexpected.count()).toBe(0);
	});

	it('leaves the decision to Legitmark when the check is off, keeping its 400', async () => {
		const scope = api()
			.post(`/api/v2/sr/${SR}/submit`)
			.reply(400, {
				success: false,
				error: {
					code: 400,
					message: 'Service request requirements not met',
					details: 'Missing required sides: Front',
				},
			});

		const run = await runAfterPhotos(serviceRequest('complete', { checkRequirements: false }));

		expect(scope.isDone()).toBe(true);
		expect(run.error('Legitmark')).toMatchObject({
			name: 'NodeApiError',
			message: 'Service request requirements not met [item 0]',
			description: 'Missing required sides: Front',
			httpCode: '400',
		});
	});
});
