import nock from 'nock';
import type { NodeApiError } from 'n8n-workflow';

import {
	API,
	API_KEY,
	completeCall,
	credentials,
	EXPIRES_AT,
	FILE,
	getUploadUrl,
	images,
	PARTS,
	partPuts,
	PATH,
	STORAGE,
	UPLOAD_ID,
	uploadUrlAnswer,
	upscayl,
} from './fixtures';
import { useNockedEngine } from '../../support/nock';

const env = useNockedEngine('default');

const file = (operation: string, parameters = {}) =>
	upscayl({ resource: 'file', operation, ...parameters });

type ErrorWithDetails = NodeApiError & { httpCode?: string; description?: string };

describe('File → Get Upload URL', () => {
	it('announces the file with the key and outputs a MULTIPART target with the API part size', async () => {
		const api = getUploadUrl(uploadUrlAnswer(1000));

		const run = await env.engine.run({
			nodes: [images({ json: { sku: 'SKU-1' } }), file('getUploadUrl')],
			credentials,
		});

		expect(run.error('Upscayl')).toBeUndefined();
		expect(api.isDone()).toBe(true);
		const [item] = run.output('Upscayl');
		const { partUrls } = uploadUrlAnswer(1000).data;
		expect(item.json).toEqual({
			sku: 'SKU-1',
			index: 0,
			seed: 1,
			uploadId: UPLOAD_ID,
			path: PATH,
			file: FILE,
			target: {
				method: 'MULTIPART',
				partSize: 1000,
				parts: partUrls.map((p) => ({ partNumber: p.partNumber, url: p.signedUrl })),
				expiresAt: new Date(EXPIRES_AT * 1000).toISOString(),
			},
		});
		expect(item.binary?.data.fileName).toBe('shoe.png');
		expect(env.unexpected.count()).toBe(0);
	});

	it('reads expiresAt in milliseconds too, as the older OpenAPI file gives it', async () => {
		const answer = uploadUrlAnswer(1000);
		answer.data.expiresAt = EXPIRES_AT * 1000;
		getUploadUrl(answer);
		const run = await env.engine.run({ nodes: [images(), file('getUploadUrl')], credentials });
		const target = run.output('Upscayl')[0].json.target as { expiresAt: string };
		expect(target.expiresAt).toBe(new Date(EXPIRES_AT * 1000).toISOString());
	});

	it('takes the type from the file extension when the binary has none of the image types', async () => {
		const api = getUploadUrl();
		const run = await env.engine.run({
			nodes: [images({ mimeType: 'application/octet-stream' }), file('getUploadUrl')],
			credentials,
		});
		expect(run.error('Upscayl')).toBeUndefined();
		expect(api.isDone()).toBe(true);
	});

	it.each([
		[{ mimeType: 'image/gif', fileName: 'a.gif' }, /JPEG, PNG and WebP.*image\/gif \[item 0\]$/],
		[{ size: 0 }, /1 byte to 100 MB.*0 bytes \[item 0\]$/],
	])('refuses %j before any request', async (binary, message) => {
		const run = await env.engine.run({
			nodes: [images(binary), file('getUploadUrl')],
			credentials,
		});
		expect(run.error('Upscayl')?.message).toMatch(message);
		expect(env.unexpected.count()).toBe(0);
	});

	it('refuses an answer without part URLs or part size, naming what is missing', async () => {
		const answer = uploadUrlAnswer(1000) as { data: Record<string, unknown> };
		delete answer.data.partSize;
		getUploadUrl(answer);
		const run = await env.engine.run({ nodes: [images(), file('getUploadUrl')], credentials });
		expect(run.error('Upscayl')?.message).toBe(
			'Upscayl answered get-upload-url without a part size (partSize) [item 0]',
		);
	});

	it.each([
		[402, 'Insufficient credits', 'Insufficient credits', 'Buy credits'],
		[
			400,
			{ error: 'INVALID_FILE_TYPE', message: 'Invalid file type' },
			'Invalid file type',
			'JPEG, PNG or WebP',
		],
		[400, 'Bad Request: Missing User ID', 'Bad Request: Missing User ID', 'Upscayl refused'],
		[
			429,
			{ error: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded. Try again in 1 hour' },
			'Rate limit exceeded. Try again in 1 hour',
			'limiting requests',
		],
		[401, { error: 'UNAUTHORIZED', message: 'Invalid API key' }, 'Invalid API key', 'API key'],
	])('keeps the status and message of a %i answer', async (status, body, message, advice) => {
		getUploadUrl(body, status);
		const run = await env.engine.run({ nodes: [images(), file('getUploadUrl')], credentials });
		const error = run.error('Upscayl') as ErrorWithDetails;
		expect(error.message).toBe(`${message} [item 0]`);
		expect(error.httpCode).toBe(String(status));
		expect(error.description).toContain(advice);
		expect(JSON.stringify(error)).not.toContain(API_KEY);
	});
});

describe('File → Get Upload URL: failures inside a 200 answer', () => {
	it('reads { status: "error", data: { error } } as a failure with its message', async () => {
		getUploadUrl({ status: 'error', data: { error: 'Upload limit reached' } });
		const run = await env.engine.run({ nodes: [images(), file('getUploadUrl')], credentials });
		expect(run.error('Upscayl')?.message).toBe('Upload limit reached [item 0]');
	});
});

describe('File → Upload File', () => {
	it('uploads the parts the API sized, then completes with every PartNumber and ETag', async () => {
		const api = getUploadUrl();
		const storage = partPuts();
		const complete = completeCall();

		const run = await env.engine.run({ nodes: [images(), file('uploadFile')], credentials });

		expect(run.error('Upscayl')).toBeUndefined();
		expect(api.isDone() && storage.isDone() && complete.isDone()).toBe(true);
		const [item] = run.output('Upscayl');
		expect(item.json).toMatchObject({
			uploadId: UPLOAD_ID,
			path: PATH,
			file: FILE,
			completed: { status: 'success' },
			upload: {
				method: 'MULTIPART',
				bytes: 2500,
				etags: PARTS.map((p) => ({ partNumber: p.PartNumber, etag: p.ETag })),
			},
		});
		expect(env.unexpected.count()).toBe(0);
	});

	it('asks once for fresh part URLs when they expired, then stops without completing and says so', async () => {
		const first = getUploadUrl();
		const fresh = getUploadUrl();
		nock(STORAGE)
			.put(`/${PATH}`)
			.query(true)
			.times(6)
			.reply(
				403,
				'<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message><Expires>2030-03-18T13:00:00Z</Expires><ServerTime>2030-03-18T13:05:00Z</ServerTime></Error>',
				{ 'Content-Type': 'application/xml' },
			);
		const complete = completeCall();

		const run = await env.engine.run({
			nodes: [images(), file('uploadFile', { options: { partConcurrency: 1 } })],
			credentials,
		});

		const error = run.error('Upscayl') as ErrorWithDetails;
		expect(error.message).toMatch(/^The presigned URL expired at 2030-03-18T13:00:00/);
		expect(error.description).toContain('new upload URL');
		expect(error.httpCode).toBe('403');
		expect([first.isDone(), fresh.isDone()]).toEqual([true, true]);
		expect(complete.isDone()).toBe(false);
	});

	it('does not complete when the complete call itself is refused, and keeps its message', async () => {
		getUploadUrl();
		partPuts();
		nock(API)
			.post('/complete-multipart-upload')
			.reply(500, JSON.stringify('Error completing multipart upload'), {
				'Content-Type': 'application/json',
			});
		const run = await env.engine.run({ nodes: [images(), file('uploadFile')], credentials });
		const error = run.error('Upscayl') as ErrorWithDetails;
		expect(error.message).toBe('Error completing multipart upload [item 0]');
		expect(error.httpCode).toBe('500');
	});
});

describe('File → Upload Binary and Complete Upload', () => {
	it('Upload Binary sends the parts of {{ $json.target }} without the key', async () => {
		getUploadUrl();
		const storage = partPuts();
		const run = await env.engine.run({
			nodes: [
				images(),
				upscayl({ resource: 'file', operation: 'getUploadUrl' }, { name: 'Get' }),
				upscayl({ resource: 'file', operation: 'uploadBinary' }, { name: 'Upload' }),
			],
			credentials,
		});
		expect(run.error('Upload')).toBeUndefined();
		expect(storage.isDone()).toBe(true);
		expect(run.output('Upload')[0].json.upload).toMatchObject({ bytes: 2500 });
		expect(env.unexpected.count()).toBe(0);
	});

	it('Complete Upload sends uploadId, the path as key and the parts as PartNumber/ETag', async () => {
		const complete = completeCall([
			{ PartNumber: 1, ETag: '"a"' },
			{ PartNumber: 2, ETag: '"b"' },
		]);
		const run = await env.engine.run({
			nodes: [
				images({
					json: {
						uploadId: UPLOAD_ID,
						path: PATH,
						upload: {
							etags: [
								{ partNumber: 2, etag: '"b"' },
								{ partNumber: 1, etag: '"a"' },
							],
						},
					},
				}),
				file('complete'),
			],
			credentials,
		});
		expect(run.error('Upscayl')).toBeUndefined();
		expect(complete.isDone()).toBe(true);
		expect(run.output('Upscayl')[0].json.completed).toEqual({ status: 'success' });
	});

	it.each([
		[
			{ uploadId: '', path: PATH, upload: { etags: [{ partNumber: 1, etag: '"a"' }] } },
			/"Upload ID" is empty/,
		],
		[{ uploadId: UPLOAD_ID, path: PATH, upload: { etags: [] } }, /"Parts" must list/],
		[
			{ uploadId: UPLOAD_ID, path: PATH, upload: { etags: [{ partNumber: 2, etag: '"b"' }] } },
			/part 1 is missing or repeated/,
		],
		[
			{ uploadId: UPLOAD_ID, path: PATH, upload: { etags: [{ partNumber: 1 }] } },
			/needs a partNumber/,
		],
	])('Complete Upload refuses %j before any request', async (json, message) => {
		const run = await env.engine.run({ nodes: [images({ json }), file('complete')], credentials });
		expect(run.error('Upscayl')?.message).toMatch(message);
		expect(env.unexpected.count()).toBe(0);
	});
});
