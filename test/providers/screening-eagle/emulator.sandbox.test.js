'use strict';
// The Screening Eagle Inspect emulator must refuse what the Inspect API (and S3) refuse, with
// Screening Eagle's { error, errorDescription } envelope: real HTTP on loopback, upload URLs
// signed by the strict storage sandbox for the announced Content-Type.
const crypto = require('node:crypto');

const { startStorage } = require('../../../sandbox/storage');
const {
	startScreeningEagle,
	ASSETS,
	SPOT_TEMPLATE,
	DEFAULT_TOKEN,
} = require('../../../sandbox/providers/screening-eagle');

const AUTH = { Authorization: `Bearer ${DEFAULT_TOKEN}` };
const FILE = Buffer.from('%PDF-1.7 inspection report of the north pier\n');
const hashOf = (bytes) => crypto.createHash('sha256').update(bytes).digest('base64');

let storage;
let inspect;

beforeAll(async () => {
	storage = await startStorage();
	inspect = await startScreeningEagle({ storage });
});

afterAll(async () => {
	await inspect.close();
	await storage.close();
});

beforeEach(() => {
	inspect.reset();
	storage.clear();
});

async function call(path, { method = 'GET', headers = AUTH, body, server = inspect } = {}) {
	const response = await fetch(`${server.url}${path}`, {
		method,
		headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: await response.json() };
}

const announcement = (fields = {}) => ({
	assetID: ASSETS.bridge.id,
	contentType: 'application/pdf',
	hash: hashOf(FILE),
	name: 'report.pdf',
	size: FILE.length,
	...fields,
});

const presign = (fields, server = inspect) =>
	call('/api/inspect/v1/file/upload/presigned', {
		method: 'POST',
		body: announcement(fields),
		server,
	});

const put = (url, bytes = FILE, contentType = 'application/pdf') =>
	fetch(url, { method: 'PUT', headers: { 'Content-Type': contentType }, body: bytes });

const complete = (id, server = inspect) =>
	call('/api/inspect/v1/file/upload/complete', { method: 'POST', body: { id }, server });

async function uploaded(fields) {
	const { json } = await presign(fields);
	expect((await put(json.data.presignedURL)).status).toBe(200);
	expect((await complete(json.data.id)).status).toBe(200);
	return json.data.id;
}

describe('Screening Eagle Inspect emulator', () => {
	it('refuses a missing or wrong token with the envelope', async () => {
		for (const headers of [
			{},
			{ Authorization: 'Bearer other' },
			{ Authorization: DEFAULT_TOKEN },
		]) {
			const { status, json } = await call('/api/inspect/v1/file/upload/presigned', {
				method: 'POST',
				headers,
				body: announcement(),
			});
			expect(status).toBe(401);
			expect(json).toEqual({
				error: 'Unauthorized',
				errorDescription: expect.stringContaining('Authentication'),
			});
		}
	});

	it('answers 201 with a presigned URL that lives 15 minutes and is signed for the announced Content-Type', async () => {
		const { status, json } = await presign();
		expect(status).toBe(201);
		expect(json.data.id).toMatch(/^[0-9a-f-]{36}$/);
		const url = new URL(json.data.presignedURL);
		expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
		expect(url.searchParams.get('X-Amz-SignedHeaders')).toContain('content-type');
		expect((await put(json.data.presignedURL, FILE, 'image/png')).status).toBe(403);
		expect((await put(json.data.presignedURL)).status).toBe(200);
	});

	it.each([
		['a hex hash', { hash: crypto.createHash('sha256').update(FILE).digest('hex') }, 400, /base64/],
		['an asset ID that is not a UUID', { assetID: 'bridge' }, 400, /assetID must be a UUID/],
		['an unknown asset', { assetID: crypto.randomUUID() }, 404, /asset not found/],
		['a size that is not a whole number', { size: '46' }, 400, /size/],
		['a content type that is not a MIME type', { contentType: 'pdf' }, 400, /contentType/],
	])('refuses %s', async (_, fields, status, message) => {
		const answer = await presign(fields);
		expect(answer.status).toBe(status);
		expect(answer.json.errorDescription).toMatch(message);
	});

	it('completes only once storage holds bytes with the announced SHA-256 and size', async () => {
		const { json } = await presign();
		const id = json.data.id;
		const early = await complete(id);
		expect(early).toEqual({
			status: 400,
			json: {
				error: 'BadRequest',
				errorDescription: 'the file has not been uploaded to the presigned URL',
			},
		});

		const other = Buffer.from('%PDF-1.7 a different report of the north pier\n');
		const { json: second } = await presign({
			hash: hashOf(FILE),
			size: other.length,
			assetID: ASSETS.tunnel.id,
		});
		await put(second.data.presignedURL, other);
		const mismatch = await complete(second.data.id);
		expect(mismatch.status).toBe(400);
		expect(mismatch.json.errorDescription).toMatch(/does not match the announced hash/);

		await put(json.data.presignedURL);
		expect(await complete(id)).toEqual({ status: 200, json: { data: { id, status: 'uploaded' } } });
		expect(inspect.files.get(id).received).toEqual({
			sha256Base64: hashOf(FILE),
			size: FILE.length,
			contentType: 'application/pdf',
		});
		expect((await complete(crypto.randomUUID())).status).toBe(404);
	});

	it('answers 200 with only the id for a completed file with the same hash on the same asset', async () => {
		const id = await uploaded();
		expect(await presign()).toEqual({ status: 200, json: { data: { id } } });
		const elsewhere = await presign({ assetID: ASSETS.dam.id });
		expect(elsewhere.status).toBe(201);
	});

	it('hands out a new URL for the same file id while the first upload is not complete', async () => {
		const first = await presign();
		const again = await presign();
		expect(again.status).toBe(201);
		expect(again.json.data.id).toBe(first.json.data.id);
	});

	it('creates a spot only with completed files of its asset and times in milliseconds', async () => {
		const fileID = await uploaded();
		const attachment = {
			fileID,
			name: 'report.pdf',
			type: 0,
			createdAt: Date.now(),
			updatedAt: Date.now(),
		};
		const spot = (fields) =>
			call('/api/inspect/v1/spot', {
				method: 'POST',
				body: {
					assetID: ASSETS.bridge.id,
					spotTemplateID: SPOT_TEMPLATE.id,
					complete: false,
					fields: {},
					createdAt: Date.now(),
					attachments: [attachment],
					...fields,
				},
			});

		const seconds = await spot({
			attachments: [{ ...attachment, createdAt: Math.floor(Date.now() / 1000) }],
		});
		expect(seconds.status).toBe(400);
		expect(seconds.json.errorDescription).toMatch(/milliseconds/);
		expect((await spot({ assetID: ASSETS.tunnel.id })).json.errorDescription).toMatch(
			/another asset/,
		);
		expect((await spot({ attachments: [{ ...attachment, type: 4 }] })).status).toBe(400);
		const pending = (
			await presign({ assetID: ASSETS.bridge.id, hash: hashOf(Buffer.from('x')), size: 1 })
		).json.data.id;
		expect(
			(await spot({ attachments: [{ ...attachment, fileID: pending }] })).json.errorDescription,
		).toMatch(/not complete/);

		const created = await spot({});
		expect(created.status).toBe(201);
		const listed = await call(`/api/inspect/v1/spot/attachment?spotID=${created.json.data.id}`);
		expect(listed.json.data).toHaveLength(1);
		expect(listed.json.data[0]).toMatchObject({
			spotID: created.json.data.id,
			name: 'report.pdf',
			type: 0,
		});
		const download = await fetch(listed.json.data[0].url);
		expect(Buffer.from(await download.arrayBuffer())).toEqual(FILE);
	});

	it('lists spot fields for a known asset (the credential test) and refuses an unknown one', async () => {
		expect((await call(`/api/inspect/v1/spot/field?assetID=${ASSETS.bridge.id}`)).status).toBe(200);
		expect((await call(`/api/inspect/v1/spot/field?assetID=${crypto.randomUUID()}`)).status).toBe(
			404,
		);
	});

	it('serves the complete call on the method and path it is configured with, and takes the token in a named header', async () => {
		const other = await startScreeningEagle({
			storage,
			authHeader: 'X-API-Key',
			complete: { method: 'PUT', path: '/api/inspect/v1/file/:fileId/uploaded' },
		});
		try {
			const headers = { 'X-API-Key': DEFAULT_TOKEN };
			const { json } = await call('/api/inspect/v1/file/upload/presigned', {
				method: 'POST',
				headers,
				body: announcement(),
				server: other,
			});
			await put(json.data.presignedURL);
			expect((await complete(json.data.id, other)).status).toBe(401);
			const assumed = await call('/api/inspect/v1/file/upload/complete', {
				method: 'POST',
				headers,
				body: { id: json.data.id },
				server: other,
			});
			expect(assumed).toEqual({
				status: 404,
				json: { error: 'NotFound', errorDescription: 'route not found' },
			});
			const configured = await call(`/api/inspect/v1/file/${json.data.id}/uploaded`, {
				method: 'PUT',
				headers,
				server: other,
			});
			expect(configured.status).toBe(200);
			expect(other.files.get(json.data.id).status).toBe('uploaded');
		} finally {
			await other.close();
		}
	});

	it('answers injected failures in the envelope', async () => {
		inspect.failNext({ status: 403, message: 'permission denied', error: 'Forbidden' });
		expect(await presign()).toEqual({
			status: 403,
			json: { error: 'Forbidden', errorDescription: 'permission denied' },
		});
	});
});
