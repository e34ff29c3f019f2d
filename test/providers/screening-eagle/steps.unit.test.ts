// The single steps: Get Upload URL, Upload Binary and Complete Upload, each request pinned.
import nock from 'nock';
import type { NodeOperationError } from 'n8n-workflow';

import {
	announcement,
	api,
	ASSET,
	COMPLETE_PATH,
	credentials,
	FILE_ID,
	files,
	inspect,
	OBJECT_PATH,
	presignedUrl,
	PRESIGNED_PATH,
	SIZE,
	STORAGE,
} from './fixtures';
import { useNockedEngine } from '../../support/nock';

const env = useNockedEngine('default');

const getUploadUrl = (parameters = {}) =>
	inspect({
		resource: 'file',
		operation: 'getUploadUrl',
		assetId: ASSET,
		binaryPropertyName: 'data',
		...parameters,
	});

const withJson = (json: object) => files({ json: JSON.stringify(json) });

describe('File → Get Upload URL', () => {
	it('outputs fileId, alreadyUploaded false and a PUT target that expires in 15 minutes, keeping the binary', async () => {
		const url = presignedUrl();
		const presign = api()
			.post(PRESIGNED_PATH, announcement())
			.reply(201, { data: { presignedURL: url, id: FILE_ID } });
		const before = Date.now();

		const run = await env.engine.run({ nodes: [files(), getUploadUrl()], credentials });

		expect(run.error('Inspect')).toBeUndefined();
		expect(presign.isDone()).toBe(true);
		const [item] = run.output('Inspect');
		expect(item.json).toMatchObject({
			fileId: FILE_ID,
			alreadyUploaded: false,
			target: {
				method: 'PUT',
				url,
				headers: { 'Content-Type': 'image/jpeg' },
			},
		});
		const expiresAt = Date.parse((item.json.target as { expiresAt: string }).expiresAt);
		expect(expiresAt).toBeGreaterThanOrEqual(before + 15 * 60 * 1000);
		expect(expiresAt).toBeLessThanOrEqual(Date.now() + 15 * 60 * 1000);
		expect(item.binary?.data).toBeDefined();
	});

	it('outputs alreadyUploaded true and no target for a 200 with only the id', async () => {
		api()
			.post(PRESIGNED_PATH, announcement())
			.reply(200, { data: { id: FILE_ID } });

		const run = await env.engine.run({ nodes: [files(), getUploadUrl()], credentials });

		const [item] = run.output('Inspect');
		expect(item.json).toMatchObject({ fileId: FILE_ID, alreadyUploaded: true });
		expect(item.json.target).toBeUndefined();
	});
});

describe('File → Upload Binary', () => {
	const uploadBinary = inspect(
		{ resource: 'file', operation: 'uploadBinary', binaryPropertyName: 'data' },
		{ credentials: undefined },
	);

	it('PUTs to $json.target with its headers and nothing of the credential', async () => {
		const target = {
			method: 'PUT',
			url: presignedUrl(),
			headers: { 'Content-Type': 'image/jpeg' },
		};
		const storage = nock(STORAGE, {
			reqheaders: { 'content-type': 'image/jpeg', 'content-length': String(SIZE) },
			badheaders: ['authorization'],
		})
			.put(OBJECT_PATH)
			.query(true)
			.reply(200);

		const run = await env.engine.run({ nodes: [withJson({ target }), uploadBinary] });

		expect(run.error('Inspect')).toBeUndefined();
		expect(storage.isDone()).toBe(true);
		expect(run.output('Inspect')[0].json.upload).toMatchObject({ method: 'PUT', bytes: SIZE });
	});

	it('passes an alreadyUploaded item on without a request and says so', async () => {
		const run = await env.engine.run({
			nodes: [withJson({ fileId: FILE_ID, alreadyUploaded: true }), uploadBinary],
		});

		expect(run.error('Inspect')).toBeUndefined();
		expect(env.unexpected.count()).toBe(0);
		expect(run.output('Inspect')[0].json).toMatchObject({
			fileId: FILE_ID,
			uploadSkipped: true,
			uploadSkippedReason: expect.stringContaining('already stores this file'),
		});
	});
});

describe('File → Complete Upload', () => {
	const complete = (parameters = {}) =>
		inspect({ resource: 'file', operation: 'complete', ...parameters });

	it('sends the assumed call by default: POST /api/inspect/v1/file/upload/complete {id}', async () => {
		const call = api()
			.post(COMPLETE_PATH, { id: FILE_ID })
			.reply(200, { data: { id: FILE_ID } });

		const run = await env.engine.run({
			nodes: [withJson({ fileId: FILE_ID, alreadyUploaded: false }), complete()],
			credentials,
		});

		expect(run.error('Inspect')).toBeUndefined();
		expect(call.isDone()).toBe(true);
		expect(run.output('Inspect')[0].json).toMatchObject({ fileId: FILE_ID, completed: true });
	});

	it('sends the overridden method and path, without a body when the template is empty', async () => {
		const call = api()
			.put(
				`/api/inspect/v1/file/${FILE_ID}/uploaded`,
				(body) => body === '' || body === undefined || Object.keys(body).length === 0,
			)
			.reply(204);

		const run = await env.engine.run({
			nodes: [
				withJson({ fileId: FILE_ID }),
				complete({
					completeRequest: {
						method: 'PUT',
						path: '/api/inspect/v1/file/{fileId}/uploaded',
						body: '',
					},
				}),
			],
			credentials,
		});

		expect(run.error('Inspect')).toBeUndefined();
		expect(call.isDone()).toBe(true);
	});

	it('skips an alreadyUploaded item unless Complete When Already Uploaded is on', async () => {
		const skipped = await env.engine.run({
			nodes: [withJson({ fileId: FILE_ID, alreadyUploaded: true }), complete()],
			credentials,
		});
		expect(skipped.output('Inspect')[0].json).toMatchObject({ completed: false });
		expect(env.unexpected.count()).toBe(0);

		const call = api().post(COMPLETE_PATH, { id: FILE_ID }).reply(200, {});
		const forced = await env.engine.run({
			nodes: [
				withJson({ fileId: FILE_ID, alreadyUploaded: true }),
				complete({ options: { completeWhenAlreadyUploaded: true } }),
			],
			credentials,
		});
		expect(forced.error('Inspect')).toBeUndefined();
		expect(call.isDone()).toBe(true);
	});

	it('refuses a file ID that is not a UUID before any request', async () => {
		const run = await env.engine.run({
			nodes: [withJson({ fileId: 'file-1' }), complete()],
			credentials,
		});

		const error = run.error('Inspect') as NodeOperationError;
		expect(error.message).toMatch(/^"File ID" must be a UUID.*\[item 0\]$/);
		expect(env.unexpected.count()).toBe(0);
	});

	it("keeps Screening Eagle's envelope text and status when the complete call is refused", async () => {
		api()
			.post(COMPLETE_PATH)
			.reply(400, { error: 'BadRequest', errorDescription: 'the file has not been uploaded' });

		const run = await env.engine.run({
			nodes: [withJson({ fileId: FILE_ID }), complete()],
			credentials,
		});

		const error = run.error('Inspect') as { httpCode?: string; message: string };
		expect(error.message).toBe('BadRequest: the file has not been uploaded [item 0]');
		expect(error.httpCode).toBe('400');
	});
});
