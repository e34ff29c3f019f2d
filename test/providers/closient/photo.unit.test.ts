import nock from 'nock';

import {
	API,
	API_KEY,
	closient,
	credentials,
	bodyText,
	formPartNames,
	photos,
	presignedAnswer,
	problemOf,
	S3_KEY,
	SESSION,
	SESSION_PATH,
	STORAGE,
	UPLOAD_FIELDS,
} from './fixtures';
import { useNockedEngine } from '../../support/nock';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternBuffer, patternSha256 } = require('../../../sandbox/bytes');

// Starting n8n's engine takes seconds on a busy machine.
jest.setTimeout(30_000);

const env = useNockedEngine('filesystem');

const uploadFile = (parameters = {}, extra = {}) =>
	closient(
		{
			resource: 'photo',
			operation: 'uploadFile',
			sessionId: SESSION,
			photoType: 'nutrition',
			binaryPropertyName: 'data',
			...parameters,
		},
		extra,
	);

function presigned(query = { photo_type: 'nutrition', original_filename: 'front.jpg' }) {
	return nock(API, { reqheaders: { 'x-api-key': API_KEY } })
		.get(`${SESSION_PATH}/presigned-upload-url`)
		.query(query)
		.reply(200, presignedAnswer);
}

/** S3's POST: records the form it got, answers 201 as success_action_status asks. */
function storagePost(received: { body?: string; contentType?: string }) {
	return nock(STORAGE, { badheaders: ['x-api-key', 'authorization', 'transfer-encoding'] })
		.post('/')
		.reply(
			201,
			function (_uri, body) {
				received.body = bodyText(body);
				received.contentType = String(this.req.headers['content-type']);
				return '<PostResponse><Key>k</Key></PostResponse>';
			},
			{ ETag: '"etag-photo"' },
		);
}

const registered = {
	id: 'Hq3Rt5Yu7Ip9Kj2Lm4Nb6V',
	photo_type: 'nutrition',
	s3_key: S3_KEY,
	original_filename: 'front.jpg',
	sort_order: 0,
	created: '2026-11-23T17:00:00Z',
	metadata: {},
	file_size: 2048,
	capture_short_id: null,
};

describe('Photo → Upload File', () => {
	it('GETs the presigned form with the key, POSTs every field in order and the file last without it, then registers', async () => {
		const api = presigned();
		const received: { body?: string; contentType?: string } = {};
		const storage = storagePost(received);
		const register = nock(API, { reqheaders: { 'x-api-key': API_KEY, 'content-type': /json/ } })
			.post(`${SESSION_PATH}/photos`, {
				s3_key: S3_KEY,
				photo_type: 'nutrition',
				original_filename: 'front.jpg',
				file_size: 2048,
			})
			.reply(201, registered);

		const run = await env.engine.run({ nodes: [photos(), uploadFile()], credentials });

		expect(run.error('Closient')).toBeUndefined();
		expect(api.isDone() && storage.isDone() && register.isDone()).toBe(true);
		expect(formPartNames(received.body!)).toEqual([...Object.keys(UPLOAD_FIELDS), 'file']);
		for (const [name, value] of Object.entries(UPLOAD_FIELDS)) {
			expect(received.body).toContain(`name="${name}"\r\n\r\n${value}\r\n`);
		}
		expect(received.body).toContain(
			'name="file"; filename="front.jpg"\r\nContent-Type: image/jpeg',
		);
		expect(Buffer.from(received.body!, 'latin1').includes(patternBuffer(2048, 1))).toBe(true);
		expect(
			received.body!.endsWith(`\r\n--${/boundary=(.+)$/.exec(received.contentType!)![1]}--\r\n`),
		).toBe(true);
		const [item] = run.output('Closient');
		expect(item.json).toMatchObject({
			sessionId: SESSION,
			photoType: 'nutrition',
			originalFilename: 'front.jpg',
			s3Key: S3_KEY,
			upload: { method: 'POST', bytes: 2048, sha256: patternSha256(2048, 1), etag: '"etag-photo"' },
			photo: { photoId: registered.id, photo_type: 'nutrition', file_size: 2048 },
		});
		expect(JSON.stringify(item.json)).not.toContain('f00dfeed');
		expect(env.unexpected.count()).toBe(0);
	});

	it('sends capture_short_id and metadata from Additional Fields', async () => {
		presigned();
		storagePost({});
		const register = nock(API)
			.post(`${SESSION_PATH}/photos`, {
				s3_key: S3_KEY,
				photo_type: 'nutrition',
				original_filename: 'front.jpg',
				file_size: 2048,
				capture_short_id: 'Cp3Rt5Yu7Hp9Kj2Lm4Nb6V',
				metadata: { shelf: 'B2' },
			})
			.reply(201, registered);

		const run = await env.engine.run({
			nodes: [
				photos(),
				uploadFile({
					registerFields: { captureShortId: 'Cp3Rt5Yu7Hp9Kj2Lm4Nb6V', metadata: '{"shelf": "B2"}' },
				}),
			],
			credentials,
		});

		expect(run.error('Closient')).toBeUndefined();
		expect(register.isDone()).toBe(true);
	});

	it("keeps the storage's refusal and registers nothing", async () => {
		presigned();
		nock(STORAGE)
			.post('/')
			.reply(
				400,
				'<?xml version="1.0" encoding="UTF-8"?><Error><Code>EntityTooLarge</Code><Message>Your proposed upload exceeds the maximum allowed size</Message></Error>',
				{ 'Content-Type': 'application/xml' },
			);

		const run = await env.engine.run({ nodes: [photos(), uploadFile()], credentials });

		expect(run.error('Closient')?.message).toMatch(/EntityTooLarge/);
		expect(env.unexpected.count()).toBe(0);
	});

	it('turns problem details into the message and description, keeping the status', async () => {
		nock(API)
			.get(`${SESSION_PATH}/presigned-upload-url`)
			.query(true)
			.reply(
				422,
				problemOf(
					422,
					'Validation Error',
					'The session is COMPLETED, not ACTIVE.',
					'validation_error',
				),
				{ 'Content-Type': 'application/problem+json' },
			);

		const run = await env.engine.run({ nodes: [photos(), uploadFile()], credentials });

		expect(run.error('Closient')).toMatchObject({
			name: 'NodeApiError',
			message: 'Validation Error: The session is COMPLETED, not ACTIVE. [item 0]',
			httpCode: '422',
		});
		expect((run.error('Closient') as { description?: string }).description).toContain(
			'Error code: validation_error.',
		);
		expect(env.unexpected.count()).toBe(0);
	});

	it('waits for Retry-After after a 429 and asks again', async () => {
		nock(API)
			.get(`${SESSION_PATH}/presigned-upload-url`)
			.query(true)
			.reply(
				429,
				{
					...problemOf(429, 'Too Many Requests', 'Slow down.', 'rate_limited', true),
					retry_after_seconds: 0,
				},
				{
					'Content-Type': 'application/problem+json',
				},
			);
		const again = presigned();
		storagePost({});
		nock(API).post(`${SESSION_PATH}/photos`).reply(201, registered);

		const run = await env.engine.run({ nodes: [photos(), uploadFile()], credentials });

		expect(run.error('Closient')).toBeUndefined();
		expect(again.isDone()).toBe(true);
	});

	it('fails at once with the 429 when Closient asks to wait longer than the node waits', async () => {
		nock(API)
			.get(`${SESSION_PATH}/presigned-upload-url`)
			.query(true)
			.reply(
				429,
				problemOf(429, 'Too Many Requests', 'Daily quota used up.', 'rate_limited', true),
				{
					'Content-Type': 'application/problem+json',
					'Retry-After': '3600',
				},
			);

		const run = await env.engine.run({ nodes: [photos(), uploadFile()], credentials });

		expect(run.error('Closient')).toMatchObject({
			message: 'Too Many Requests: Daily quota used up. [item 0]',
			httpCode: '429',
		});
		expect(env.unexpected.count()).toBe(0);
	});

	it.each([
		[{ sessionId: 'not-a-session' }, /"Session ID" must be a Closient short ID/],
		[{ photoType: 'side' }, /"Photo Type" must be one of front, back/],
		[{ binaryPropertyName: 'photo' }, /photo/],
		[{ registerFields: { metadata: '[1]' } }, /"Metadata" must be a JSON object/],
	])('refuses bad input %j before any request', async (parameters, message) => {
		const run = await env.engine.run({ nodes: [photos(), uploadFile(parameters)], credentials });
		expect(run.error('Closient')?.message).toMatch(message);
		expect(env.unexpected.count()).toBe(0);
	});
});

describe('Photo → Get Upload URL, Upload Binary, Complete Upload', () => {
	it('Get Upload URL outputs the POST target with expiresAt and the S3 key, and keeps the photo', async () => {
		presigned({ photo_type: 'barcode', original_filename: 'front.jpg' });
		const before = Date.now();

		const run = await env.engine.run({
			nodes: [
				photos(),
				closient({
					resource: 'photo',
					operation: 'getUploadUrl',
					sessionId: SESSION,
					photoType: 'barcode',
				}),
			],
			credentials,
		});

		expect(run.error('Closient')).toBeUndefined();
		const [item] = run.output('Closient');
		expect(item.json).toMatchObject({
			sessionId: SESSION,
			photoType: 'barcode',
			originalFilename: 'front.jpg',
			s3Key: S3_KEY,
			target: { method: 'POST', url: `${STORAGE}/`, fields: UPLOAD_FIELDS },
		});
		const expiresAt = Date.parse((item.json.target as { expiresAt: string }).expiresAt);
		expect(expiresAt).toBeGreaterThanOrEqual(before + 3600_000);
		expect(item.binary?.data).toBeDefined();
		expect(Object.keys((item.json.target as { fields: object }).fields)).toEqual(
			Object.keys(UPLOAD_FIELDS),
		);
	});

	it('Upload Binary posts to the target without any credential', async () => {
		const received: { body?: string } = {};
		const storage = storagePost(received);

		const run = await env.engine.run({
			nodes: [
				photos({
					json: JSON.stringify({
						target: { method: 'POST', url: `${STORAGE}/`, fields: UPLOAD_FIELDS },
					}),
				}),
				closient({ resource: 'photo', operation: 'uploadBinary' }, { credentials: undefined }),
			],
			credentials: {},
		});

		expect(run.error('Closient')).toBeUndefined();
		expect(storage.isDone()).toBe(true);
		expect(formPartNames(received.body!).at(-1)).toBe('file');
	});

	it('Complete Upload registers from the previous output: session, key, type, name and size', async () => {
		const register = nock(API, { reqheaders: { 'x-api-key': API_KEY } })
			.post(`${SESSION_PATH}/photos`, {
				s3_key: S3_KEY,
				photo_type: 'front',
				original_filename: 'front.jpg',
				file_size: 2048,
			})
			.reply(201, { ...registered, photo_type: 'front' });
		const previous = {
			sessionId: SESSION,
			s3Key: S3_KEY,
			photoType: 'front',
			originalFilename: 'front.jpg',
			upload: { bytes: 2048 },
		};

		const run = await env.engine.run({
			nodes: [
				photos({ json: JSON.stringify(previous) }),
				closient({ resource: 'photo', operation: 'complete' }),
			],
			credentials,
		});

		expect(run.error('Closient')).toBeUndefined();
		expect(register.isDone()).toBe(true);
		expect(run.output('Closient')[0].json).toMatchObject({
			sessionId: SESSION,
			photoId: registered.id,
		});
	});

	it('Complete Upload refuses a missing S3 key and a negative size before any request', async () => {
		for (const parameters of [{ s3Key: '={{ "  " }}' }, { fileSize: '-5' }]) {
			const run = await env.engine.run({
				nodes: [
					photos({
						json: JSON.stringify({ sessionId: SESSION, s3Key: S3_KEY, photoType: 'front' }),
					}),
					closient({ resource: 'photo', operation: 'complete', ...parameters }),
				],
				credentials,
			});
			expect(run.error('Closient')?.message).toMatch(
				/"S3 Key" must not be empty|"File Size \(Bytes\)" must be/,
			);
		}
		expect(env.unexpected.count()).toBe(0);
	});
});
