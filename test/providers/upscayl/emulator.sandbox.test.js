'use strict';
// The Upscayl emulator must answer like Upscayl and refuse what Upscayl (and S3) refuse: real
// HTTP on loopback, part URLs signed by the strict storage sandbox.
const { startStorage } = require('../../../sandbox/storage');
const {
	startUpscayl,
	upscaledBytes,
	DEFAULT_API_KEY,
	DEFAULT_PART_SIZE,
} = require('../../../sandbox/providers/upscayl');
const { patternBuffer } = require('../../../sandbox/bytes');

const AUTH = { 'X-API-Key': DEFAULT_API_KEY };
const MIB = 1024 * 1024;

let storage;
let upscayl;

beforeAll(async () => {
	storage = await startStorage();
	upscayl = await startUpscayl({ storage });
});

afterAll(async () => {
	await upscayl.close();
	await storage.close();
});

beforeEach(() => {
	upscayl.reset();
	storage.clear();
});

async function call(path, { headers = AUTH, body, form } = {}) {
	let payload;
	if (form) {
		payload = new FormData();
		for (const [name, value] of Object.entries(form)) payload.append(name, value);
	}
	const response = await fetch(`${upscayl.url}${path}`, {
		method: 'POST',
		headers: form ? headers : { ...headers, 'Content-Type': 'application/json' },
		body: form ? payload : JSON.stringify(body ?? {}),
	});
	return { status: response.status, headers: response.headers, json: await response.json() };
}

const announce = (fields = {}) => ({
	data: { fileSize: 11 * MIB, fileType: 'image/png', originalFileName: 'shop.png', ...fields },
});

/** Uploads every part of `bytes` and returns the parts list complete-multipart-upload wants. */
async function uploadParts(data, bytes) {
	const parts = [];
	for (const { partNumber, signedUrl } of data.partUrls) {
		const body = bytes.subarray((partNumber - 1) * data.partSize, partNumber * data.partSize);
		const response = await fetch(signedUrl, { method: 'PUT', body });
		expect(response.status).toBe(200);
		parts.push({ PartNumber: partNumber, ETag: response.headers.get('etag') });
	}
	return parts;
}

async function uploadedImage(bytes) {
	const { json } = await call('/get-upload-url', { body: announce({ fileSize: bytes.length }) });
	const parts = await uploadParts(json.data, bytes);
	const done = await call('/complete-multipart-upload', {
		body: { data: { uploadId: json.data.uploadId, key: json.data.path, parts } },
	});
	expect(done).toMatchObject({ status: 200, json: { status: 'success' } });
	return json.data;
}

const taskForm = (file, extra = {}) => ({
	model: 'upscayl-standard-4x',
	scale: '4',
	saveImageAs: 'png',
	enhanceFace: 'false',
	files: JSON.stringify([file]),
	...extra,
});

describe('Upscayl emulator', () => {
	it('refuses a missing or wrong key with the envelope', async () => {
		for (const headers of [{}, { 'X-API-Key': 'wrong' }]) {
			const answer = await call('/get-upload-url', { headers, body: announce() });
			expect(answer).toMatchObject({ status: 401, json: { error: 'UNAUTHORIZED' } });
		}
	});

	it('hands out one part URL per part of the size it chooses, and its file fields', async () => {
		const { status, json } = await call('/get-upload-url', { body: announce() });
		expect(status).toBe(200);
		expect(json.data).toMatchObject({
			partSize: DEFAULT_PART_SIZE,
			fileType: 'image/png',
			fileSize: 11 * MIB,
			originalFileName: 'shop.png',
			path: expect.stringMatching(/^uploads\/sandbox-user\/[0-9a-f-]{36}\.png$/),
		});
		expect(json.data.partUrls.map((p) => p.partNumber)).toEqual([1, 2, 3]);
		expect(json.data.expiresAt - json.data.createdAt).toBe(3600);
		upscayl.setPartSize(6 * MIB + 1);
		const again = await call('/get-upload-url', { body: announce() });
		expect(again.json.data.partSize).toBe(6 * MIB + 1);
		expect(again.json.data.partUrls).toHaveLength(2);
	});

	it.each([
		[{ fileType: 'image/gif' }, 'INVALID_FILE_TYPE'],
		[{ fileSize: 100 * MIB + 1 }, 'FILE_SIZE_EXCEEDED'],
		[{ originalFileName: undefined }, 'MISSING_REQUIRED_FIELDS'],
	])('refuses %j with 400 %s', async (fields, code) => {
		const answer = await call('/get-upload-url', { body: announce(fields) });
		expect(answer).toMatchObject({ status: 400, json: { error: code } });
		expect(storage.listUploads()).toEqual([]);
	});

	it('completes through the storage, which checks each ETag', async () => {
		const bytes = patternBuffer(11 * MIB, 3);
		const { json } = await call('/get-upload-url', { body: announce() });
		const parts = await uploadParts(json.data, bytes);
		const wrong = parts.map((p, i) => (i === 1 ? { ...p, ETag: '"0000"' } : p));
		const refused = await call('/complete-multipart-upload', {
			body: { data: { uploadId: json.data.uploadId, key: json.data.path, parts: wrong } },
		});
		expect(refused).toMatchObject({ status: 500, json: { error: 'InvalidPart' } });
		expect(storage.getObject(json.data.path)).toBeUndefined();

		const done = await call('/complete-multipart-upload', {
			body: { data: { uploadId: json.data.uploadId, key: json.data.path, parts } },
		});
		expect(done).toMatchObject({ status: 200, json: { data: { status: 'success' } } });
		expect(Buffer.compare(storage.getObject(json.data.path).body, bytes)).toBe(0);
	}, 30_000);

	it('refuses to complete an unknown upload or another key', async () => {
		const { json } = await call('/get-upload-url', { body: announce() });
		const parts = [{ PartNumber: 1, ETag: '"x"' }];
		for (const data of [
			{ uploadId: 'nope', key: json.data.path, parts },
			{ uploadId: json.data.uploadId, key: 'uploads/other.png', parts },
			{ uploadId: json.data.uploadId, key: json.data.path, parts: [] },
		]) {
			expect((await call('/complete-multipart-upload', { body: { data } })).status).toBe(400);
		}
	});

	it('processes a task: PROCESSING, then PROCESSED with a download of the transformed image', async () => {
		const bytes = patternBuffer(6 * MIB, 5);
		const file = await uploadedImage(bytes);
		const started = await call('/start-task', { form: taskForm(file) });
		expect(started).toMatchObject({
			status: 200,
			json: { data: { message: 'Task request sent successfully', creditsToDeduct: 10 } },
		});
		const { taskId } = started.json.data;

		const first = await call('/get-task-status', { body: { data: { taskId } } });
		expect(first.json.data.status).toBe('PROCESSING');
		const second = await call('/get-task-status', { body: { data: { taskId } } });
		expect(second.json.data).toMatchObject({ status: 'PROCESSED', progress: '100' });
		const [result] = second.json.data.files;
		expect(result).toMatchObject({ fileType: 'image/png', finalFileSize: bytes.length });
		const download = await fetch(result.downloadUrl);
		expect(download.headers.get('content-type')).toBe('image/png');
		expect(Buffer.compare(Buffer.from(await download.arrayBuffer()), upscaledBytes(bytes))).toBe(0);
		expect(upscayl.credits).toBe(1000 - 10);
	}, 30_000);

	it('refuses a task for a file that was never completed, and bad settings', async () => {
		const { json } = await call('/get-upload-url', { body: announce() });
		expect((await call('/start-task', { form: taskForm(json.data) })).status).toBe(400);
		const file = await uploadedImage(patternBuffer(1024, 1));
		for (const extra of [{ model: 'nope' }, { scale: '9' }, { saveImageAs: 'gif' }]) {
			expect((await call('/start-task', { form: taskForm(file, extra) })).status).toBe(400);
		}
		const json400 = await call('/start-task', {
			headers: { ...AUTH, 'Content-Type': 'application/json' },
			body: taskForm(file),
		});
		expect(json400.status).toBe(400);
	});

	it('answers 402 Insufficient credits once the credits run out, and 404 for an unknown task', async () => {
		const file = await uploadedImage(patternBuffer(1024, 2));
		upscayl.setCredits(5);
		const refused = await call('/start-task', { form: taskForm(file) });
		expect(refused).toMatchObject({
			status: 402,
			json: { error: 'INSUFFICIENT_CREDITS', message: 'Insufficient credits' },
		});
		const unknown = await call('/get-task-status', { body: { data: { taskId: 'nope' } } });
		expect(unknown).toMatchObject({ status: 404, json: { error: 'NOT_FOUND' } });
	});

	it('ends a task PROCESSING_FAILED on demand', async () => {
		const file = await uploadedImage(patternBuffer(1024, 4));
		upscayl.failNextTasks();
		const { json } = await call('/start-task', { form: taskForm(file) });
		await call('/get-task-status', { body: { data: { taskId: json.data.taskId } } });
		const last = await call('/get-task-status', { body: { data: { taskId: json.data.taskId } } });
		expect(last.json.data.status).toBe('PROCESSING_FAILED');
	});

	it('signs part URLs that have already expired when asked', async () => {
		upscayl.setUploadExpiry({ expiresIn: 60, signedSecondsAgo: 3600 });
		const { json } = await call('/get-upload-url', { body: announce({ fileSize: 1024 }) });
		expect(json.data.expiresAt * 1000).toBeLessThan(Date.now());
		const put = await fetch(json.data.partUrls[0].signedUrl, {
			method: 'PUT',
			body: Buffer.alloc(1024),
		});
		expect(put.status).toBe(403);
		expect(await put.text()).toContain('Request has expired');
	});
});
