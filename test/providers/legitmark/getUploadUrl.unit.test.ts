import nock from 'nock';

import {
	ASSET,
	BEARER,
	credentials,
	legitmark,
	photos,
	presignedUrl,
	SIZE_TAG,
	SR,
} from './fixtures';
import { useNockedEngine } from '../../support/nock';

const env = useNockedEngine('default');

const getUploadUrl = (extra = {}) =>
	legitmark({
		resource: 'image',
		operation: 'getUploadUrl',
		serviceRequestId: SR,
		sideId: SIZE_TAG,
		binaryPropertyName: 'data',
		...extra,
	});

describe('Image → Get Upload URL', () => {
	it('outputs the input JSON, the ids and a PUT target whose headers match the signed ones', async () => {
		const signedAt = new Date(Date.UTC(2030, 0, 2, 3, 4, 5));
		const url = presignedUrl(`sr/${SR}/${SIZE_TAG}.jpeg`, { signedAt, expires: 300 });
		const api = nock(ASSET, { reqheaders: { authorization: BEARER } })
			.get('/intent')
			.query({ sr: SR, side: `${SIZE_TAG}.jpeg` })
			.reply(200, { message: 'Pre-signed URL generated successfully.', url });

		const run = await env.engine.run({
			nodes: [
				photos({ fileName: 'tag.jpeg', mimeType: 'image/jpeg', json: { sku: 'SKU-7' } }),
				getUploadUrl(),
			],
			credentials,
		});

		expect(run.error('Legitmark')).toBeUndefined();
		expect(api.isDone()).toBe(true);
		const [item] = run.output('Legitmark');
		expect(item.json).toEqual({
			sku: 'SKU-7',
			index: 0,
			seed: 1,
			serviceRequestId: SR,
			sideId: SIZE_TAG,
			side: `${SIZE_TAG}.jpeg`,
			target: {
				method: 'PUT',
				url,
				headers: {
					'Content-Type': 'image/jpeg',
					'x-amz-acl': 'public-read',
					'Cache-Control': 'max-age=10',
				},
				expiresAt: '2030-01-02T03:09:05.000Z',
			},
		});
		expect(item.binary?.data?.fileName).toBe('tag.jpeg');
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('lowercases the ids it was given and trims spaces', async () => {
		const api = nock(ASSET)
			.get('/intent')
			.query({ sr: SR, side: `${SIZE_TAG}.jpg` })
			.reply(200, { url: presignedUrl(`sr/${SR}/${SIZE_TAG}.jpg`) });

		const run = await env.engine.run({
			nodes: [photos(), getUploadUrl({ serviceRequestId: ` ${SR.toUpperCase()} ` })],
			credentials,
		});

		expect(run.error('Legitmark')).toBeUndefined();
		expect(api.isDone()).toBe(true);
	});

	it('fails when Legitmark answers without a URL', async () => {
		nock(ASSET).get('/intent').query(true).reply(200, { message: 'ok' });

		const run = await env.engine.run({ nodes: [photos(), getUploadUrl()], credentials });

		expect(run.error('Legitmark')?.message).toBe(
			'Legitmark answered the upload intent without a URL [item 0]',
		);
	});

	it('asks /intent again after a 503, so one hiccup does not lose the photo', async () => {
		const url = presignedUrl(`sr/${SR}/${SIZE_TAG}.jpg`);
		const api = nock(ASSET)
			.get('/intent')
			.query(true)
			.reply(503, { success: false, error: { code: 503, message: 'Service unavailable' } })
			.get('/intent')
			.query(true)
			.reply(200, { message: 'Pre-signed URL generated successfully.', url });

		const run = await env.engine.run({ nodes: [photos(), getUploadUrl()], credentials });

		expect(run.error('Legitmark')).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(run.output('Legitmark')[0].json.target).toMatchObject({ url });
	});

	it("keeps Legitmark's 400 message for a refused side", async () => {
		nock(ASSET)
			.get('/intent')
			.query(true)
			.reply(400, {
				success: false,
				error: { code: 400, message: 'Side not part of this service request', details: 'sr/side' },
			});

		const run = await env.engine.run({ nodes: [photos(), getUploadUrl()], credentials });

		expect(run.error('Legitmark')).toMatchObject({
			name: 'NodeApiError',
			message: 'Side not part of this service request [item 0]',
			httpCode: '400',
		});
	});

	it('refuses a service request id that resolves to nothing, before any request', async () => {
		const run = await env.engine.run({
			nodes: [photos(), getUploadUrl({ serviceRequestId: '={{ $json.missing }}' })],
			credentials,
		});

		expect(run.error('Legitmark')?.message).toMatch(
			/^"Service Request ID" must be a UUID .*got nothing \[item 0\]$/,
		);
		expect(env.unexpected.count()).toBe(0);
	});
});
