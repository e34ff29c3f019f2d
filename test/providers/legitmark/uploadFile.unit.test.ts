import nock from 'nock';
import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	ASSET,
	BEARER,
	credentials,
	FRONT,
	legitmark,
	objectPath,
	photos,
	presignedUrl,
	SR,
	STORAGE,
} from './fixtures';
import { headersBeyondClient } from '../../support/headers';
import { useNockedEngine } from '../../support/nock';
import { binarySha256 } from '../../support/binary';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternSha256 } = require('../../../sandbox/bytes');

const env = useNockedEngine('filesystem');

const uploadFile = (parameters = {}, extra = {}) =>
	legitmark(
		{
			resource: 'image',
			operation: 'uploadFile',
			serviceRequestId: SR,
			sideId: FRONT,
			binaryPropertyName: 'data',
			...parameters,
		},
		extra,
	);

function intent(side: string, url: string, times = 1) {
	return nock(ASSET, { reqheaders: { authorization: BEARER } })
		.get('/intent')
		.query({ sr: SR, side })
		.times(times)
		.reply(200, { message: 'Pre-signed URL generated successfully.', url });
}

describe('Image → Upload File', () => {
	it('asks /intent with the Bearer key, then PUTs exactly the signed headers and no key to storage', async () => {
		const url = presignedUrl(`sr/${SR}/${FRONT}.jpg`);
		const api = intent(`${FRONT}.jpg`, url);
		let sent: Record<string, unknown> = {};
		const storage = nock(STORAGE)
			.put(objectPath(`${FRONT}.jpg`))
			.query(true)
			.reply(function () {
				sent = this.req.headers;
				return [200, '', { ETag: '"etag-front"' }];
			});

		const run = await env.engine.run({ nodes: [photos(), uploadFile()], credentials });

		expect(run.error('Legitmark')).toBeUndefined();
		expect(api.isDone() && storage.isDone()).toBe(true);
		expect(headersBeyondClient(sent)).toEqual(['cache-control', 'content-type', 'x-amz-acl']);
		expect(sent).toMatchObject({
			'content-type': 'image/jpeg',
			'x-amz-acl': 'public-read',
			'cache-control': 'max-age=10',
			'content-length': '2048',
		});
		const [item] = run.output('Legitmark');
		expect(item.json).toMatchObject({
			serviceRequestId: SR,
			sideId: FRONT,
			side: `${FRONT}.jpg`,
			upload: { method: 'PUT', bytes: 2048, sha256: patternSha256(2048, 1), etag: '"etag-front"' },
		});
		expect(binarySha256(item.binary?.data)).toBe(patternSha256(2048, 1));
		expect(JSON.stringify(item.json)).not.toContain('X-Amz-Signature');
	});

	it('sends neither x-amz-acl nor Cache-Control when the URL was signed without them', async () => {
		const url = presignedUrl(`sr/${SR}/${FRONT}.jpg`, { signedHeaders: ['content-type', 'host'] });
		intent(`${FRONT}.jpg`, url);
		const storage = nock(STORAGE, {
			reqheaders: { 'content-type': 'image/jpeg' },
			badheaders: ['x-amz-acl', 'cache-control', 'authorization'],
		})
			.put(objectPath(`${FRONT}.jpg`))
			.query(true)
			.reply(200);

		const run = await env.engine.run({ nodes: [photos(), uploadFile()], credentials });

		expect(run.error('Legitmark')).toBeUndefined();
		expect(storage.isDone()).toBe(true);
	});

	it.each([
		['its MIME type', { fileName: 'front', mimeType: 'image/png' }],
		[
			'its file name when the MIME type says nothing',
			{ fileName: 'front.PNG', mimeType: 'application/octet-stream' },
		],
	])('asks for side=<uuid>.png for a PNG recognised by %s', async (_, binary) => {
		const api = intent(`${FRONT}.png`, presignedUrl(`sr/${SR}/${FRONT}.png`));
		const storage = nock(STORAGE, { reqheaders: { 'content-type': 'image/png' } })
			.put(objectPath(`${FRONT}.png`))
			.query(true)
			.reply(200);

		const run = await env.engine.run({ nodes: [photos(binary), uploadFile()], credentials });

		expect(run.error('Legitmark')).toBeUndefined();
		expect(api.isDone() && storage.isDone()).toBe(true);
		expect(run.output('Legitmark')[0].json.side).toBe(`${FRONT}.png`);
	});

	it('refuses an image/webp binary before any request, listing the allowed types', async () => {
		const run = await env.engine.run({
			nodes: [photos({ fileName: 'front.webp', mimeType: 'image/webp' }), uploadFile()],
			credentials,
		});

		const error = run.error('Legitmark');
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(/image\/webp \(front\.webp\).*jpg, jpeg, png, heic, dng/);
		expect(error?.message).toContain('[item 0]');
		expect(env.unexpected.count()).toBe(0);
	});

	it('refuses a side id that is not a UUID before any request, naming the field', async () => {
		const run = await env.engine.run({
			nodes: [photos(), uploadFile({ sideId: `${FRONT}.jpg` })],
			credentials,
		});

		const error = run.error('Legitmark') as NodeOperationError;
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toMatch(/^"Side ID" must be a UUID.*\[item 0\]$/);
		expect(error.description).toContain('Leave the file extension off');
		expect(env.unexpected.count()).toBe(0);
	});

	it.each([
		[401, 'Unauthorized: invalid or missing API key', 'auth/invalid-api-key', /Check the API key/],
		[429, 'Rate limit exceeded', 'error/rate_limit_exceeded', /wait 3 seconds.*Retry On Fail/],
	])(
		"turns a %i from /intent into a NodeApiError with Legitmark's message",
		async (status, message, details, advice) => {
			nock(ASSET)
				.get('/intent')
				.query(true)
				.reply(
					status,
					{
						success: false,
						error: { code: status, timestamp: new Date().toISOString(), message, details },
					},
					{ 'Retry-After': '3' },
				);

			const run = await env.engine.run({ nodes: [photos(), uploadFile()], credentials });

			const error = run.error('Legitmark') as NodeApiError;
			expect(error.name).toBe('NodeApiError');
			expect(error.message).toBe(`${message} [item 0]`);
			expect(error.httpCode).toBe(String(status));
			expect(error.description).toContain(details);
			expect(error.description).toMatch(advice);
		},
	);

	it('continues on fail: three items, the middle without a binary, give two uploads and one error item', async () => {
		const api = intent(`${FRONT}.jpg`, presignedUrl(`sr/${SR}/${FRONT}.jpg`), 2);
		const storage = nock(STORAGE)
			.put(objectPath(`${FRONT}.jpg`))
			.query(true)
			.times(2)
			.reply(200);

		const run = await env.engine.run({
			nodes: [
				photos({ count: 3, missing: [1] }),
				uploadFile({}, { onError: 'continueRegularOutput' }),
			],
			credentials,
		});

		expect(api.isDone()).toBe(true);
		expect(storage.isDone()).toBe(true);
		const items = run.output('Legitmark');
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.upload).toMatchObject({ sha256: patternSha256(2048, 1) });
		expect(items[2].json.upload).toMatchObject({ sha256: patternSha256(2048, 3) });
		expect(items[1].json.upload).toBeUndefined();
		expect(items[1].json.error).toMatch(/binary/i);
	});
});
