import nock from 'nock';

import { FRONT, legitmark, objectPath, photos, presignedUrl, SR, STORAGE } from './fixtures';
import { useNockedEngine } from '../../support/nock';
import { binarySha256 } from '../../support/binary';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternSha256 } = require('../../../sandbox/bytes');

const env = useNockedEngine('filesystem');

const uploadBinary = (extra = {}) =>
	legitmark(
		{ resource: 'image', operation: 'uploadBinary', binaryPropertyName: 'data', ...extra },
		// Uploading to a target in hand needs no Legitmark key.
		{ credentials: undefined },
	);

describe('Image → Upload Binary', () => {
	it('PUTs the binary to $json.target with exactly its headers, and needs no credential', async () => {
		const url = presignedUrl(`sr/${SR}/${FRONT}.jpg`, { signedHeaders: ['content-type', 'host'] });
		const target = { method: 'PUT', url, headers: { 'Content-Type': 'image/jpeg' } };
		const storage = nock(STORAGE, {
			reqheaders: { 'content-type': 'image/jpeg', 'content-length': '4096' },
			badheaders: ['authorization', 'x-amz-acl', 'cache-control'],
		})
			.put(objectPath(`${FRONT}.jpg`))
			.query(true)
			.reply(200, '', { ETag: '"abc"' });

		const run = await env.engine.run({
			nodes: [photos({ size: 4096, json: { target } }), uploadBinary()],
		});

		expect(run.error('Legitmark')).toBeUndefined();
		expect(storage.isDone()).toBe(true);
		const [item] = run.output('Legitmark');
		expect(item.json.upload).toMatchObject({
			bytes: 4096,
			sha256: patternSha256(4096, 1),
			etag: '"abc"',
		});
		expect(binarySha256(item.binary?.data)).toBe(patternSha256(4096, 1));
	});

	it("works the headers out from the URL's signed headers when given the bare intent URL", async () => {
		const url = presignedUrl(`sr/${SR}/${FRONT}.png`);
		const storage = nock(STORAGE, {
			reqheaders: {
				'content-type': 'image/png',
				'x-amz-acl': 'public-read',
				'cache-control': 'max-age=10',
			},
			badheaders: ['authorization'],
		})
			.put(objectPath(`${FRONT}.png`))
			.query(true)
			.reply(200);

		const run = await env.engine.run({
			nodes: [
				photos({ fileName: 'front.png', mimeType: 'image/png', json: { url } }),
				uploadBinary({ target: '={{ $json.url }}' }),
			],
		});

		expect(run.error('Legitmark')).toBeUndefined();
		expect(storage.isDone()).toBe(true);
	});

	it('drops the binary from the output when Keep Binary is off', async () => {
		const url = presignedUrl(`sr/${SR}/${FRONT}.jpg`);
		nock(STORAGE)
			.put(objectPath(`${FRONT}.jpg`))
			.query(true)
			.reply(200);

		const run = await env.engine.run({
			nodes: [
				photos({ json: { target: { url, headers: { 'Content-Type': 'image/jpeg' } } } }),
				uploadBinary({ options: { keepBinary: false } }),
			],
		});

		expect(run.error('Legitmark')).toBeUndefined();
		expect(run.output('Legitmark')[0].binary).toBeUndefined();
	});

	it('refuses an expired target before sending a byte', async () => {
		const url = presignedUrl(`sr/${SR}/${FRONT}.jpg`, {
			signedAt: new Date(Date.now() - 10 * 60_000),
			expires: 300,
		});

		const run = await env.engine.run({
			nodes: [photos({ json: { target: url } }), uploadBinary()],
		});

		expect(run.error('Legitmark')?.message).toMatch(/expired/);
		expect(env.unexpected.count()).toBe(0);
	});

	it('keeps the storage status and code when S3 refuses the signature', async () => {
		const url = presignedUrl(`sr/${SR}/${FRONT}.jpg`);
		nock(STORAGE)
			.put(objectPath(`${FRONT}.jpg`))
			.query(true)
			.reply(
				403,
				'<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message></Error>',
				{ 'Content-Type': 'application/xml' },
			);

		const run = await env.engine.run({
			nodes: [photos({ json: { target: url } }), uploadBinary()],
		});

		const error = run.error('Legitmark');
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '403' });
		expect(error?.message).toBe(
			'Storage rejected the upload: SignatureDoesNotMatch - The request signature we calculated does not match [item 0]',
		);
	});
});
