'use strict';
// The Closient emulator must answer like Closient and refuse what Closient (and S3) refuse: real
// HTTP on loopback, POST policies signed by the strict storage sandbox.
const { startStorage } = require('../../../sandbox/storage');
const { startClosient, makeKey, DEFAULT_API_KEY } = require('../../../sandbox/providers/closient');

const KEY = { 'X-API-Key': DEFAULT_API_KEY };
const SCANNER = '/scanner/api/v1';
const JPEG = Buffer.from('ffd8ffe000104a464946000101', 'hex');

let storage;
let closient;

beforeAll(async () => {
	storage = await startStorage();
	closient = await startClosient({ storage });
});

afterAll(async () => {
	await closient.close();
	await storage.close();
});

beforeEach(() => {
	closient.reset();
	storage.clear();
});

async function call(path, { method = 'GET', headers = KEY, body } = {}) {
	const response = await fetch(`${closient.url}${path}`, {
		method,
		headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, headers: response.headers, json: await response.json() };
}

async function presigned(sessionId, query = 'photo_type=front&original_filename=front.jpg') {
	const answer = await call(`${SCANNER}/sessions/${sessionId}/presigned-upload-url?${query}`);
	expect(answer.status).toBe(200);
	return answer.json;
}

/** Posts the form as a browser would: every field in order, the file last. */
async function postForm({ upload_url, upload_fields }, file, { fileFirst = false } = {}) {
	const form = new FormData();
	const blob = new Blob([file], { type: upload_fields['Content-Type'] });
	if (fileFirst) form.append('file', blob, 'front.jpg');
	for (const [name, value] of Object.entries(upload_fields)) form.append(name, value);
	if (!fileFirst) form.append('file', blob, 'front.jpg');
	const response = await fetch(upload_url, { method: 'POST', body: form });
	return { status: response.status, text: await response.text() };
}

describe('Closient emulator', () => {
	it('refuses a missing, malformed (checksum) or unknown key with problem details', async () => {
		const body = 'A'.repeat(32);
		const wrongChecksum = `csb_${body}_00000000`;
		const unknown = makeKey('csb', body);
		for (const [headers, detail] of [
			[{}, /not provided/],
			[{ 'X-API-Key': wrongChecksum }, /checksum/],
			[{ 'X-API-Key': unknown }, /Invalid API key/],
		]) {
			const answer = await call(`${SCANNER}/sessions`, { headers });
			expect(answer.status).toBe(401);
			expect(answer.headers.get('content-type')).toBe('application/problem+json');
			expect(answer.json).toMatchObject({
				status: 401,
				error_code: 'unauthorized',
				retryable: false,
			});
			expect(answer.json.detail).toMatch(detail);
			expect(answer.headers.get('ratelimit-remaining')).not.toBeNull();
		}
	});

	it('creates a session (201) with a 22-character short id', async () => {
		const answer = await call(`${SCANNER}/sessions`, {
			method: 'POST',
			body: { capture_mode: 'product_photography', metadata: { sku: 'A-1' } },
		});
		expect(answer.status).toBe(201);
		expect(answer.json).toMatchObject({
			status: 'ACTIVE',
			capture_mode: 'product_photography',
			metadata: { sku: 'A-1' },
			photo_count: 0,
		});
		expect(answer.json.id).toMatch(/^[23456789A-HJ-NP-Za-km-z]{22}$/);

		const wrong = await call(`${SCANNER}/sessions`, {
			method: 'POST',
			body: { capture_mode: 'video' },
		});
		expect(wrong.status).toBe(422);
		expect(wrong.json.error_code).toBe('validation_error');
	});

	it("issues S3's presigned POST form: its fields in order, success_action_status, a size range and the key", async () => {
		const session = closient.seedSession();
		const answer = await presigned(session.id, 'photo_type=nutrition&original_filename=label.png');

		expect(answer.s3_key).toMatch(
			new RegExp(`^scanner/photos/${session.id}/nutrition/\\w+\\.png$`),
		);
		expect(answer.expires_in).toBe(3600);
		expect(Object.keys(answer.upload_fields)).toEqual([
			'success_action_status',
			'Content-Type',
			'bucket',
			'X-Amz-Algorithm',
			'X-Amz-Credential',
			'X-Amz-Date',
			'key',
			'Policy',
			'X-Amz-Signature',
		]);
		const policy = JSON.parse(Buffer.from(answer.upload_fields.Policy, 'base64').toString());
		expect(policy.conditions).toEqual(
			expect.arrayContaining([
				['content-length-range', 0, 20 * 1024 * 1024],
				{ key: answer.s3_key },
				{ success_action_status: '201' },
			]),
		);
	});

	it('refuses an unknown photo type or extension', async () => {
		const session = closient.seedSession();
		const base = `${SCANNER}/sessions/${session.id}/presigned-upload-url`;
		expect((await call(`${base}?photo_type=side`)).status).toBe(422);
		expect((await call(`${base}?original_filename=scan.pdf`)).status).toBe(422);
		expect((await call(`${SCANNER}/sessions/${'x'.repeat(22)}/presigned-upload-url`)).status).toBe(
			404,
		);
	});

	it('the storage takes the form with the file last (201), and refuses it with the file first or too large', async () => {
		const session = closient.seedSession();
		const form = await presigned(session.id);
		expect((await postForm(form, JPEG, { fileFirst: true })).status).toBe(400);
		expect((await postForm(form, JPEG)).status).toBe(201);
		expect(storage.getObject(form.s3_key).size).toBe(JPEG.length);

		closient.setMaxPhotoBytes(8);
		const small = await presigned(session.id);
		const tooLarge = await postForm(small, JPEG);
		expect(tooLarge.status).toBe(400);
		expect(tooLarge.text).toContain('EntityTooLarge');
	});

	it('registers a photo only once it is stored, with its size, and submits the session', async () => {
		const session = closient.seedSession();
		const form = await presigned(session.id);
		const photos = `${SCANNER}/sessions/${session.id}/photos`;
		const register = (body) => call(photos, { method: 'POST', body });

		const early = await register({ s3_key: form.s3_key, photo_type: 'front' });
		expect(early.status).toBe(422);
		expect(early.json.detail).toMatch(/No uploaded file/);
		await postForm(form, JPEG);
		expect((await register({ s3_key: form.s3_key, file_size: 3 })).status).toBe(422);
		expect((await register({ s3_key: 'scanner/photos/other.jpg' })).status).toBe(422);

		const registered = await register({
			s3_key: form.s3_key,
			photo_type: 'front',
			original_filename: 'front.jpg',
			file_size: JPEG.length,
		});
		expect(registered.status).toBe(201);
		expect(registered.json).toMatchObject({
			photo_type: 'front',
			s3_key: form.s3_key,
			file_size: JPEG.length,
			sort_order: 0,
		});

		const submitted = await call(`${SCANNER}/sessions/${session.id}/submit`, { method: 'POST' });
		expect(submitted.status).toBe(200);
		const status = await call(`${SCANNER}/sessions/${session.id}/status`);
		expect(status.json).toMatchObject({
			session_status: 'COMPLETED',
			extraction_status: 'processing',
		});
		expect(
			(await call(`${SCANNER}/sessions/${session.id}/submit`, { method: 'POST' })).status,
		).toBe(422);
	});

	it('sends RateLimit headers on every answer and 429 past the window, with Retry-After', async () => {
		closient.setRateLimit({ limit: 2, windowSeconds: 60 });
		const first = await call(`${SCANNER}/sessions`);
		expect(first.headers.get('ratelimit-policy')).toBe('2;w=60');
		expect(first.headers.get('ratelimit-limit')).toBe('2');
		expect(first.headers.get('ratelimit-remaining')).toBe('1');
		expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
		expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
		await call(`${SCANNER}/sessions`);

		const refused = await call(`${SCANNER}/sessions`);
		expect(refused.status).toBe(429);
		expect(refused.headers.get('content-type')).toBe('application/problem+json');
		expect(refused.headers.get('retry-after')).toBe(refused.headers.get('ratelimit-reset'));
		expect(refused.json).toMatchObject({ error_code: 'rate_limited', retryable: true });
		expect(refused.json.retry_after_seconds).toBe(Number(refused.headers.get('retry-after')));
		expect(closient.rateLimitRefusals()).toBe(1);
	});

	it('answers injected 429s with Retry-After and retry_after_seconds', async () => {
		closient.failNext({ status: 429, retryAfter: 1, times: 1 });
		const answer = await call(`${SCANNER}/sessions`);
		expect(answer.status).toBe(429);
		expect(answer.headers.get('retry-after')).toBe('1');
		expect(answer.headers.get('content-type')).toBe('application/problem+json');
		expect(answer.json).toMatchObject({
			status: 429,
			retry_after_seconds: 1,
			error_code: 'rate_limited',
		});
		expect((await call(`${SCANNER}/sessions`)).status).toBe(200);
	});
});
