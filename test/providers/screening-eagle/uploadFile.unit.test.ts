import nock from 'nock';
import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	announcement,
	api,
	API,
	ASSET,
	BEARER,
	COMPLETE_PATH,
	credentials,
	FILE_ID,
	files,
	hashOf,
	inspect,
	OBJECT_PATH,
	presignedUrl,
	PRESIGNED_PATH,
	SIZE,
	STORAGE,
	TOKEN,
} from './fixtures';
import { useNockedEngine } from '../../support/nock';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternSha256 } = require('../../../sandbox/bytes');

const env = useNockedEngine('filesystem');

const uploadFile = (parameters = {}, extra = {}) =>
	inspect(
		{
			resource: 'file',
			operation: 'uploadFile',
			assetId: ASSET,
			binaryPropertyName: 'data',
			...parameters,
		},
		extra,
	);

function storagePut(contentType = 'image/jpeg') {
	return nock(STORAGE, {
		reqheaders: { 'content-type': contentType, 'content-length': String(SIZE) },
		badheaders: ['authorization', 'x-api-key', 'transfer-encoding'],
	})
		.put(OBJECT_PATH)
		.query(true)
		.reply(200, '', { ETag: '"etag-1"' });
}

describe('File → Upload File', () => {
	it('announces base64 SHA-256, size, name and type, PUTs with the same Content-Type and no token, then completes', async () => {
		const presign = api()
			.post(PRESIGNED_PATH, announcement())
			.reply(201, { data: { presignedURL: presignedUrl(), id: FILE_ID } });
		const storage = storagePut();
		const complete = api()
			.post(COMPLETE_PATH, { id: FILE_ID })
			.reply(200, { data: { id: FILE_ID } });

		const run = await env.engine.run({ nodes: [files(), uploadFile()], credentials });

		expect(run.error('Inspect')).toBeUndefined();
		expect(presign.isDone() && storage.isDone() && complete.isDone()).toBe(true);
		const [item] = run.output('Inspect');
		expect(item.json).toMatchObject({
			fileId: FILE_ID,
			alreadyUploaded: false,
			assetId: ASSET,
			hash: hashOf(),
			size: SIZE,
			upload: { method: 'PUT', bytes: SIZE, sha256: patternSha256(SIZE, 1), etag: '"etag-1"' },
			completed: true,
			complete: { data: { id: FILE_ID } },
		});
		expect(item.binary?.data).toBeDefined();
		expect(JSON.stringify(item.json)).not.toContain('X-Amz-Signature');
	});

	it('sends no PUT and no complete call when Screening Eagle answers 200 with only the id', async () => {
		const presign = api()
			.post(PRESIGNED_PATH, announcement())
			.reply(200, { data: { id: FILE_ID } });

		const run = await env.engine.run({ nodes: [files(), uploadFile()], credentials });

		expect(run.error('Inspect')).toBeUndefined();
		expect(presign.isDone()).toBe(true);
		expect(env.unexpected.count()).toBe(0);
		expect(run.output('Inspect')[0].json).toMatchObject({
			fileId: FILE_ID,
			alreadyUploaded: true,
			uploadSkipped: true,
			completed: false,
		});
		expect(run.output('Inspect')[0].json.upload).toBeUndefined();
	});

	it('completes an already stored file too when Complete When Already Uploaded is on', async () => {
		api()
			.post(PRESIGNED_PATH)
			.reply(200, { data: { id: FILE_ID } });
		const complete = api().post(COMPLETE_PATH, { id: FILE_ID }).reply(200, {});

		const run = await env.engine.run({
			nodes: [files(), uploadFile({ options: { completeWhenAlreadyUploaded: true } })],
			credentials,
		});

		expect(run.error('Inspect')).toBeUndefined();
		expect(complete.isDone()).toBe(true);
		expect(run.output('Inspect')[0].json).toMatchObject({ alreadyUploaded: true, completed: true });
	});

	it('sends the overridden complete call: method, path with {fileId} and body template', async () => {
		api()
			.post(PRESIGNED_PATH)
			.reply(201, { data: { presignedURL: presignedUrl(), id: FILE_ID } });
		storagePut();
		const complete = api()
			.patch(`/api/inspect/v1/file/${FILE_ID}`, { status: 'uploaded', file: { id: FILE_ID } })
			.reply(204);

		const run = await env.engine.run({
			nodes: [
				files(),
				uploadFile({
					completeRequest: {
						method: 'PATCH',
						path: '/api/inspect/v1/file/{fileId}',
						body: '{"status": "uploaded", "file": {"id": "{fileId}"}}',
					},
				}),
			],
			credentials,
		});

		expect(run.error('Inspect')).toBeUndefined();
		expect(complete.isDone()).toBe(true);
	});

	it('skips the complete call when Complete Upload is off', async () => {
		api()
			.post(PRESIGNED_PATH)
			.reply(201, { data: { presignedURL: presignedUrl(), id: FILE_ID } });
		const storage = storagePut();

		const run = await env.engine.run({
			nodes: [files(), uploadFile({ options: { completeUpload: false } })],
			credentials,
		});

		expect(run.error('Inspect')).toBeUndefined();
		expect(storage.isDone()).toBe(true);
		expect(env.unexpected.count()).toBe(0);
		expect(run.output('Inspect')[0].json).toMatchObject({ completed: false });
	});

	it('announces and sends the overridden content type and file name identically', async () => {
		const presign = api()
			.post(PRESIGNED_PATH, announcement({ contentType: 'application/pdf', name: 'report.pdf' }))
			.reply(201, { data: { presignedURL: presignedUrl(), id: FILE_ID } });
		const storage = storagePut('application/pdf');
		api().post(COMPLETE_PATH).reply(200, {});

		const run = await env.engine.run({
			nodes: [
				files(),
				uploadFile({ options: { contentType: 'application/pdf', fileName: 'report.pdf' } }),
			],
			credentials,
		});

		expect(run.error('Inspect')).toBeUndefined();
		expect(presign.isDone() && storage.isDone()).toBe(true);
	});

	it('sends the token in a named header when the credential says so, never to storage', async () => {
		const presign = nock(API, { reqheaders: { 'x-api-key': TOKEN }, badheaders: ['authorization'] })
			.post(PRESIGNED_PATH)
			.reply(201, { data: { presignedURL: presignedUrl(), id: FILE_ID } });
		const storage = storagePut();
		const complete = nock(API, { reqheaders: { 'x-api-key': TOKEN } })
			.post(COMPLETE_PATH)
			.reply(200, {});

		const run = await env.engine.run({
			nodes: [files(), uploadFile()],
			credentials: {
				screeningEagleInspectApi: {
					baseUrl: `${API}/`,
					token: TOKEN,
					authScheme: 'header',
					headerName: 'X-API-Key',
				},
			},
		});

		expect(run.error('Inspect')).toBeUndefined();
		expect(presign.isDone() && storage.isDone() && complete.isDone()).toBe(true);
	});

	it('accepts a base64 SHA-256 typed by hand that matches the file', async () => {
		const presign = api()
			.post(PRESIGNED_PATH, announcement())
			.reply(200, { data: { id: FILE_ID } });

		const run = await env.engine.run({
			nodes: [files(), uploadFile({ options: { sha256Base64: hashOf() } })],
			credentials,
		});

		expect(run.error('Inspect')).toBeUndefined();
		expect(presign.isDone()).toBe(true);
	});

	describe('refuses bad input before any request, naming the item and the field', () => {
		it.each([
			[
				'a hex SHA-256 typed by hand',
				{ options: { sha256Base64: patternSha256(SIZE, 1) } },
				/^"SHA-256 \(Base64\)" is a hex SHA-256; Screening Eagle wants the same digest in base64.*\[item 0\]$/,
			],
			[
				'a base64 SHA-256 of another file',
				{ options: { sha256Base64: hashOf(2) } },
				/^"SHA-256 \(Base64\)" does not match the file in "data".*\[item 0\]$/,
			],
			[
				'an asset ID that is not a UUID',
				{ assetId: 'BRIDGE-7' },
				/^"Asset ID" must be a UUID .*got "BRIDGE-7" \[item 0\]$/,
			],
			[
				'a content type that is not a MIME type',
				{ options: { contentType: 'jpeg' } },
				/^"Content Type" must be a MIME type .*\[item 0\]$/,
			],
			[
				'a complete path that is not a path',
				{ completeRequest: { path: 'complete it' } },
				/^"Complete Request Path" must be a path starting with \/.*\[item 0\]$/,
			],
			[
				'a complete body that is not a JSON object',
				{ completeRequest: { body: '["{fileId}"]' } },
				/^"Complete Request Body" must be a JSON object.*\[item 0\]$/,
			],
		])('%s', async (_, parameters, message) => {
			const run = await env.engine.run({ nodes: [files(), uploadFile(parameters)], credentials });

			const error = run.error('Inspect') as NodeOperationError;
			expect(error.name).toBe('NodeOperationError');
			expect(error.message).toMatch(message);
			expect(env.unexpected.count()).toBe(0);
		});

		it('a missing binary', async () => {
			const run = await env.engine.run({
				nodes: [files({ missing: [0] }), uploadFile()],
				credentials,
			});

			const error = run.error('Inspect') as NodeOperationError;
			expect(error.name).toBe('NodeOperationError');
			expect(error.message).toMatch(/binary.*"?data"?/i);
			expect(error.message).toContain('[item 0]');
			expect(env.unexpected.count()).toBe(0);
		});

		it('a credential without a Base URL', async () => {
			const run = await env.engine.run({
				nodes: [files(), uploadFile()],
				credentials: { screeningEagleInspectApi: { baseUrl: '', token: TOKEN } },
			});

			expect(run.error('Inspect')?.message).toMatch(/no "Base URL".*\[item 0\]$/);
			expect(env.unexpected.count()).toBe(0);
		});
	});

	it.each([
		[401, 'Unauthorized', 'Authentication is required', /Check the token/],
		[403, 'Forbidden', 'permission denied', /may not act on this asset/],
		[404, 'NotFound', 'asset not found', /Check the IDs/],
		[400, 'BadRequest', 'hash must be base64', undefined],
	])(
		'keeps a %i with its { error, errorDescription } text and status',
		async (status, code, text, advice) => {
			api().post(PRESIGNED_PATH).reply(status, { error: code, errorDescription: text });

			const run = await env.engine.run({ nodes: [files(), uploadFile()], credentials });

			const error = run.error('Inspect') as NodeApiError;
			expect(error.name).toBe('NodeApiError');
			expect(error.message).toBe(`${code}: ${text} [item 0]`);
			expect(error.httpCode).toBe(String(status));
			if (advice) expect(error.description).toMatch(advice);
			expect(JSON.stringify(error)).not.toContain(TOKEN);
		},
	);

	it('never completes a file whose PUT failed', async () => {
		api()
			.post(PRESIGNED_PATH)
			.reply(201, { data: { presignedURL: presignedUrl(), id: FILE_ID } });
		nock(STORAGE)
			.put(OBJECT_PATH)
			.query(true)
			.reply(
				403,
				'<?xml version="1.0"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message></Error>',
			);

		const run = await env.engine.run({ nodes: [files(), uploadFile()], credentials });

		const error = run.error('Inspect') as NodeApiError;
		expect(error.httpCode).toBe('403');
		expect(error.message).not.toContain('f00dfeed');
		expect(env.unexpected.count()).toBe(0);
	});

	it('fails clearly when the presigned answer has no file id', async () => {
		api()
			.post(PRESIGNED_PATH)
			.reply(201, { data: { presignedURL: presignedUrl() } });

		const run = await env.engine.run({ nodes: [files(), uploadFile()], credentials });

		expect(run.error('Inspect')?.message).toMatch(/without a file id \[item 0\]$/);
		expect(env.unexpected.count()).toBe(0);
	});
});
