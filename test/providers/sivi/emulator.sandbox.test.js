'use strict';
// The Sivi emulator must answer like Sivi and refuse what Sivi (and S3) refuse: real HTTP on
// loopback, upload URLs signed by the strict storage sandbox.
const { startStorage } = require('../../../sandbox/storage');
const { startSivi, DEFAULT_API_KEY, BASE_PATH } = require('../../../sandbox/providers/sivi');

const KEY = { 'sivi-api-key': DEFAULT_API_KEY };
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const TTF = Buffer.from('0001000000100100000400004f532f32', 'hex');

let storage;
let sivi;

beforeAll(async () => {
	storage = await startStorage();
	sivi = await startSivi({ storage });
});

afterAll(async () => {
	await sivi.close();
	await storage.close();
});

beforeEach(() => {
	sivi.reset();
	storage.clear();
});

async function call(path, { method = 'POST', headers = KEY, body, plan = 'general' } = {}) {
	const response = await fetch(`${sivi.url}${BASE_PATH}/${plan}${path}`, {
		method,
		headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: await response.json() };
}

const presign = (body) => call('/files/get-presigned-url', { body });

function put({ uploadUrl, headers }, body) {
	return fetch(uploadUrl, {
		method: 'PUT',
		headers: { ...headers, 'Content-Length': String(body.length) },
		body,
	});
}

async function uploaded(type, extension, body) {
	const { json } = await presign({ type, extension });
	expect((await put(json.body, body)).status).toBe(200);
	return json.body;
}

const status = (requestId) =>
	call(`/get-request-status?queryParams=${encodeURIComponent(JSON.stringify({ requestId }))}`, {
		method: 'GET',
	});

describe('API key and envelope', () => {
	it.each([
		['no key', {}],
		['another key', { 'sivi-api-key': 'sivi_other' }],
	])('refuses %s with 401 in the envelope', async (_, headers) => {
		const { status: code, json } = await call('/files/get-presigned-url', {
			headers,
			body: { type: 'photo' },
		});
		expect(code).toBe(401);
		expect(json).toEqual({
			status: 401,
			body: {
				message: 'Failed to authenticate request. Please add sivi-api-key header in request',
			},
		});
	});

	it('knows the three plans and no other', async () => {
		for (const plan of ['general', 'enterprise', 'super']) {
			expect((await call('/font/get', { plan, body: {} })).status).toBe(200);
		}
		expect((await call('/font/get', { plan: 'basic', body: {} })).status).toBe(404);
	});

	it('answers an injected 429 with its message', async () => {
		sivi.failNext({ status: 429, path: `${BASE_PATH}/general/files/get-presigned-url` });
		expect(await presign({ type: 'photo' })).toEqual({
			status: 429,
			json: { status: 429, body: { message: 'Rate limit exceeded' } },
		});
	});
});

describe('Get Presigned URL', () => {
	it('hands out a PUT signed for the Content-Type it returns, jpeg by default', async () => {
		const { status: code, json } = await presign({ type: 'photo' });
		expect(code).toBe(200);
		expect(json.status).toBe(200);
		expect(json.body).toMatchObject({
			method: 'PUT',
			headers: { 'Content-Type': 'image/jpeg' },
			expiresIn: 300,
			fileName: expect.stringMatching(/\.jpeg$/),
		});
		expect(json.body.uploadUrl).toContain('X-Amz-SignedHeaders=content-type%3Bhost');
		expect((await put(json.body, PNG)).status).toBe(200);
		expect(storage.getObject(`photos/${json.body.fileName}`).contentType).toBe('image/jpeg');
	});

	it('the storage refuses the PUT with another Content-Type', async () => {
		const { json } = await presign({ type: 'logo', extension: 'png', contentType: 'image/png' });
		const response = await put({ ...json.body, headers: { 'Content-Type': 'image/jpeg' } }, PNG);
		expect(response.status).toBe(403);
		expect(await response.text()).toContain('SignatureDoesNotMatch');
	});

	it('with a second signed header, a PUT with only Content-Type is refused and one with both passes', async () => {
		sivi.setSignedHeaders({ 'x-amz-acl': 'private' });
		const { json } = await presign({ type: 'logo', extension: 'png' });
		expect(json.body.headers).toEqual({ 'Content-Type': 'image/png', 'x-amz-acl': 'private' });
		const onlyType = await put({ ...json.body, headers: { 'Content-Type': 'image/png' } }, PNG);
		expect(onlyType.status).toBe(403);
		expect((await put(json.body, PNG)).status).toBe(200);
	});

	it.each([
		[{ type: 'photo', extension: 'svg' }],
		[{ type: 'illustration', extension: 'png' }],
		[{ type: 'font', extension: 'otf' }],
		[{ type: 'font' }],
		[{ type: 'video' }],
		[{ type: 'photo', expiresIn: 30 }],
		[{ type: 'photo', expiresIn: 3601 }],
	])('refuses %j with 422 Invalid input', async (body) => {
		expect(await presign(body)).toEqual({
			status: 422,
			json: { status: 422, body: { message: 'Invalid input' } },
		});
	});
});

describe('Create Media', () => {
	it('refuses an upload URL whose object is not in storage yet, then registers it', async () => {
		const { json } = await presign({ type: 'logo', extension: 'png' });
		const before = await call('/media/create', {
			body: { type: 'logo', uploadUrl: json.body.uploadUrl },
		});
		expect(before.status).toBe(400);
		expect(before.json.body.message).toMatch(/^Uploaded file not found in S3/);

		expect((await put(json.body, PNG)).status).toBe(200);
		const after = await call('/media/create', {
			body: { type: 'logo', uploadUrl: json.body.uploadUrl, bId: 'b_1' },
		});
		expect(after.status).toBe(200);
		expect(after.json.body.media).toMatchObject({
			mId: expect.stringMatching(/^w_.+----.+\.png$/),
			type: 'logo',
			subType: 'logo',
			bId: 'b_1',
			system: 'USER',
		});
		expect(sivi.media.size).toBe(1);
	});

	it.each([
		[{ type: 'logo', subType: 'photograph' }, 'Invalid input'],
		[{ type: 'font' }, 'Invalid input'],
		[{ type: 'photo' }, 'Either url or uploadUrl is required'],
	])('refuses %j with 422 %s', async (body, message) => {
		const file = await uploaded('logo', 'png', PNG);
		const withUrl = body.type === 'photo' ? body : { ...body, uploadUrl: file.uploadUrl };
		expect(await call('/media/create', { body: withUrl })).toEqual({
			status: 422,
			json: { status: 422, body: { message } },
		});
	});
});

describe('Upload Fonts and the request status', () => {
	it('queues the font and moves the request through pending and processing to completed', async () => {
		const file = await uploaded('font', 'ttf', TTF);
		const created = await call('/font/create', { body: { uploadedURL: file.uploadUrl } });
		expect(created.status).toBe(200);
		const { requestId } = created.json.body;
		const states = [];
		for (let look = 0; look < 4; look++) states.push((await status(requestId)).json.body.status);
		expect(states).toEqual(['pending', 'processing', 'completed', 'completed']);
		const fontId = file.fileName.replace(/\.ttf$/, '');
		expect((await status(requestId)).json.body.result).toEqual({
			fonts: [{ id: fontId, name: fontId, classification: 'user', source: 'user' }],
		});
		expect((await call('/font/get', { body: { source: 'user' } })).json.body.data).toHaveLength(1);
	});

	it('fails the request when the font never reached storage', async () => {
		const { json } = await presign({ type: 'font', extension: 'ttf' });
		const created = await call('/font/create', { body: { uploadedURL: [json.body.uploadUrl] } });
		const { requestId } = created.json.body;
		await status(requestId);
		await status(requestId);
		expect((await status(requestId)).json.body).toMatchObject({
			status: 'failed',
			reason: expect.stringMatching(/^Uploaded font not found in S3/),
		});
	});

	it.each([[{}], [{ uploadedURL: 'not a url' }], [{ uploadedURL: [] }], [{ uploadedURL: 7 }]])(
		'refuses %j with 422 Invalid uploadedURL format',
		async (body) => {
			expect(await call('/font/create', { body })).toEqual({
				status: 422,
				json: { status: 422, body: { message: 'Invalid uploadedURL format' } },
			});
		},
	);

	it('answers 404 for an unknown request', async () => {
		expect((await status('nope')).status).toBe(404);
	});
});
