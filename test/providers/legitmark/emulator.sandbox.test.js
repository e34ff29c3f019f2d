'use strict';
// The Legitmark emulator must answer like Legitmark and refuse what Legitmark (and S3) refuse:
// real HTTP on loopback, upload URLs signed by the strict storage sandbox.
const crypto = require('node:crypto');

const { startStorage } = require('../../../sandbox/storage');
const {
	startLegitmark,
	TAXONOMY,
	SIDES,
	DEFAULT_API_KEY,
} = require('../../../sandbox/providers/legitmark');

const [FRONT, SIZE_TAG, HARDWARE] = SIDES;
const AUTH = { Authorization: `Bearer ${DEFAULT_API_KEY}` };
const JPEG = Buffer.from('ffd8ffe000104a464946000101', 'hex');

let storage;
let legitmark;

beforeAll(async () => {
	storage = await startStorage();
	legitmark = await startLegitmark({ storage });
});

afterAll(async () => {
	await legitmark.close();
	await storage.close();
});

beforeEach(() => {
	legitmark.reset();
	storage.clear();
});

async function call(path, { method = 'GET', headers = AUTH, body } = {}) {
	const response = await fetch(`${legitmark.url}${path}`, {
		method,
		headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, headers: response.headers, json: await response.json() };
}

const createBody = (reference = `SKU-${crypto.randomUUID()}`) => ({
	reference_id: reference,
	item: { category: TAXONOMY.category.uuid, type: TAXONOMY.type.uuid },
});

async function createServiceRequest() {
	const { status, json } = await call('/api/v2/sr', { method: 'POST', body: createBody() });
	expect(status).toBe(200);
	return json.sr;
}

async function intentUrl(sr, side, ext = 'jpg') {
	const { status, json } = await call(`/intent?sr=${sr.uuid}&side=${side.uuid}.${ext}`, {
		headers: {},
	});
	expect(status).toBe(200);
	return json.url;
}

function put(url, headers, body = JPEG) {
	return fetch(url, {
		method: 'PUT',
		headers: { ...headers, 'Content-Length': String(body.length) },
		body,
	});
}

const SIGNED_PUT_HEADERS = {
	'Content-Type': 'image/jpeg',
	'x-amz-acl': 'public-read',
	'Cache-Control': 'max-age=10',
};

describe('API key', () => {
	it.each([
		['no Authorization header', {}],
		['a wrong key', { Authorization: 'Bearer leo_wrong' }],
		['the key without Bearer', { Authorization: DEFAULT_API_KEY }],
	])('refuses %s with a 401 in the error envelope', async (_, headers) => {
		const { status, json } = await call('/api/v2/categories', { headers });
		expect(status).toBe(401);
		expect(json.success).toBe(false);
		expect(json.error).toMatchObject({
			code: 401,
			message: expect.any(String),
			details: 'auth/invalid-api-key',
		});
		expect(Date.parse(json.error.timestamp)).not.toBeNaN();
	});

	it('accepts the Bearer key and lists the sandbox taxonomy', async () => {
		const { status, json } = await call('/api/v2/categories?page_size=1');
		expect(status).toBe(200);
		expect(json.data).toEqual([expect.objectContaining({ uuid: TAXONOMY.category.uuid })]);
		expect(legitmark.calls.at(-1)).toMatchObject({
			method: 'GET',
			path: '/api/v2/categories',
			auth: AUTH.Authorization,
		});
	});
});

describe('service requests', () => {
	it('creates a DRAFT request that echoes reference_id as external_id', async () => {
		const { status, json } = await call('/api/v2/sr', {
			method: 'POST',
			body: createBody('SKU-1'),
		});
		expect(status).toBe(200);
		expect(json).toMatchObject({
			success: true,
			sr: { external_id: 'SKU-1', state: { primary: 'DRAFT' } },
		});
		expect(legitmark.serviceRequests.has(json.sr.uuid)).toBe(true);
	});

	it('refuses a missing reference with 400 and field errors, a reused one with 409', async () => {
		const missing = await call('/api/v2/sr', { method: 'POST', body: { item: createBody().item } });
		expect(missing.status).toBe(400);
		expect(missing.json.error.errors).toEqual([
			expect.objectContaining({ code: 'validation/missing-field' }),
		]);
		await call('/api/v2/sr', { method: 'POST', body: createBody('SKU-2') });
		const again = await call('/api/v2/sr', { method: 'POST', body: createBody('SKU-2') });
		expect(again.status).toBe(409);
		expect(again.json).toMatchObject({
			success: false,
			error: { code: 409, message: 'A service request with this reference_id already exists' },
		});
	});

	it('refuses an unknown category', async () => {
		const body = {
			reference_id: 'SKU-3',
			item: { category: crypto.randomUUID(), type: TAXONOMY.type.uuid },
		};
		const refused = await call('/api/v2/sr', { method: 'POST', body });
		expect(refused.status).toBe(400);
		expect(refused.json).toMatchObject({
			success: false,
			error: { code: 400, message: 'Unknown item category or type' },
		});
	});

	it('answers 404 for an unknown request', async () => {
		const { status, json } = await call(`/api/v2/sr/${crypto.randomUUID()}`);
		expect(status).toBe(404);
		expect(json.error.code).toBe(404);
	});

	it('returns sides only with item=true, as Legitmark documents', async () => {
		const sr = await createServiceRequest();
		expect((await call(`/api/v2/sr/${sr.uuid}?sides=true`)).json.sr.sides).toBeUndefined();
		const { json } = await call(`/api/v2/sr/${sr.uuid}?item=true&sides=true`);
		expect(json.sr.sides.required.map((s) => s.uuid)).toEqual([FRONT.uuid, SIZE_TAG.uuid]);
		expect(json.sr.sides.optional.map((s) => s.uuid)).toEqual([HARDWARE.uuid]);
		expect(json.sr.sides.progress).toEqual({
			current_required: 0,
			total_required: 2,
			current_optional: 0,
			total_optional: 1,
			met: false,
		});
	});

	it('groups sides under requirements when asked', async () => {
		const sr = await createServiceRequest();
		const { json } = await call(`/api/v2/sr/${sr.uuid}?item=true&sides=true&requirements=true`);
		const groups = json.sr.requirements.side_groups;
		expect(groups.map((g) => [g.name, g.total_required, g.total_optional])).toEqual([
			['Exterior', 1, 1],
			['Interior', 1, 0],
		]);
	});
});

describe('upload intent', () => {
	it('needs no key but refuses a wrong one', async () => {
		const sr = await createServiceRequest();
		const path = `/intent?sr=${sr.uuid}&side=${FRONT.uuid}.jpg`;
		expect((await call(path, { headers: {} })).status).toBe(200);
		expect((await call(path)).status).toBe(200);
		const wrong = await call(path, { headers: { Authorization: 'Bearer leo_wrong' } });
		expect(wrong.status).toBe(401);
		expect(wrong.json).toMatchObject({ success: false, error: { code: 401 } });
	});

	it.each([
		['no extension', (sr) => `sr=${sr.uuid}&side=${FRONT.uuid}`, 400],
		['a webp extension', (sr) => `sr=${sr.uuid}&side=${FRONT.uuid}.webp`, 400],
		['an unknown side', (sr) => `sr=${sr.uuid}&side=${crypto.randomUUID()}.jpg`, 404],
		['an unknown request', () => `sr=${crypto.randomUUID()}&side=${FRONT.uuid}.jpg`, 404],
	])('refuses %s', async (_, query, status) => {
		const sr = await createServiceRequest();
		const { status: got, json } = await call(`/intent?${query(sr)}`, { headers: {} });
		expect(got).toBe(status);
		expect(json.success).toBe(false);
	});

	it('hands out a presigned PUT for sr/<sr>/<side>.<ext>, signed with the SDK headers', async () => {
		const sr = await createServiceRequest();
		const url = new URL(await intentUrl(sr, FRONT, 'png'));
		expect(url.pathname).toBe(`/${storage.bucket}/sr/${sr.uuid}/${FRONT.uuid}.png`);
		expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
		expect(url.searchParams.get('X-Amz-SignedHeaders').split(';').sort()).toEqual([
			'cache-control',
			'content-type',
			'host',
			'x-amz-acl',
		]);
	});

	it('makes storage refuse a PUT without the signed x-amz-acl or with another content type', async () => {
		const sr = await createServiceRequest();
		const url = await intentUrl(sr, FRONT);
		const withoutAcl = { ...SIGNED_PUT_HEADERS };
		delete withoutAcl['x-amz-acl'];
		for (const headers of [withoutAcl, { ...SIGNED_PUT_HEADERS, 'Content-Type': 'image/png' }]) {
			const refused = await put(url, headers);
			expect(refused.status).toBe(403);
			expect(await refused.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
		}
		expect(storage.listObjects()).toEqual([]);
	});
});

describe('progress and submit', () => {
	it('counts a side once storage holds its image, and submits DRAFT -> QC when all required are there', async () => {
		const sr = await createServiceRequest();
		expect((await put(await intentUrl(sr, FRONT), SIGNED_PUT_HEADERS)).status).toBe(200);

		const partial = (await call(`/api/v2/sr/${sr.uuid}?item=true&sides=true`)).json.sr.sides;
		expect(partial.progress).toMatchObject({ current_required: 1, total_required: 2, met: false });
		expect(partial.required[0].media_url).toEqual([
			expect.objectContaining({ size: JPEG.length, is_latest: true }),
		]);

		const early = await call(`/api/v2/sr/${sr.uuid}/submit`, { method: 'POST' });
		expect(early.status).toBe(400);
		expect(early.json.error.details).toBe('Missing required sides: Interior Size Tag');
		expect(legitmark.serviceRequests.get(sr.uuid).state.primary).toBe('DRAFT');

		expect((await put(await intentUrl(sr, SIZE_TAG, 'jpeg'), SIGNED_PUT_HEADERS)).status).toBe(200);
		const done = (await call(`/api/v2/sr/${sr.uuid}?item=true&sides=true`)).json.sr.sides.progress;
		expect(done).toMatchObject({ current_required: 2, current_optional: 0, met: true });

		const submitted = await call(`/api/v2/sr/${sr.uuid}/submit`, { method: 'POST' });
		expect(submitted.status).toBe(200);
		expect(submitted.json.sr).toEqual({
			uuid: sr.uuid,
			micro_id: sr.micro_id,
			state: { primary: 'QC', supplement: null },
		});
		expect((await call(`/api/v2/sr/${sr.uuid}/submit`, { method: 'POST' })).status).toBe(409);
	});
});

describe('injected failures', () => {
	it('answers the next matching call with a 429 envelope and Retry-After, then recovers', async () => {
		legitmark.failNext({ status: 429, path: '/api/v2/categories', retryAfter: 7 });
		const limited = await call('/api/v2/categories');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('7');
		expect(limited.json.error).toMatchObject({
			code: 429,
			message: 'Rate limit exceeded',
			details: 'error/rate_limit_exceeded',
		});
		expect((await call('/api/v2/categories')).status).toBe(200);
	});
});
