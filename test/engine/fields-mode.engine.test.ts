// The generic node with its target typed as single fields, as users build it from expressions.
import { useEngineWithSandbox } from '../support/sandbox';
import { binarySha256 } from '../support/binary';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternSha256 } = require('../../sandbox/bytes');

const MiB = 1024 * 1024;

describe('Presigned Upload with Target = Fields', () => {
	const env = useEngineWithSandbox('filesystem');

	const upload = async (size: number, parameters: Record<string, unknown>) =>
		await env.engine.run({
			nodes: [
				{ name: 'Source', type: 'binarySource', parameters: { size, mimeType: 'image/png' } },
				{
					name: 'Upload',
					type: 'presignedUpload',
					parameters: { targetSource: 'fields', ...parameters } as never,
				},
			],
		});

	it('PUTs with the headers typed as name/value rows', async () => {
		const target = await env.storage.presignPut('fields/put.png', { contentType: 'image/png' });

		const run = await upload(1000, {
			method: 'PUT',
			url: target.url,
			headers: { header: [{ name: 'Content-Type', value: '={{ $binary.data.mimeType }}' }] },
		});

		expect(run.error('Upload')).toBeUndefined();
		expect(env.storage.getObject('fields/put.png')).toMatchObject({
			sha256: patternSha256(1000, 1),
			contentType: 'image/png',
		});
	}, 30_000);

	it('drops the binary from the output when Keep Binary is off, and keeps it by default', async () => {
		const kept = await env.storage.presignPut('fields/kept.png', {});
		const dropped = await env.storage.presignPut('fields/dropped.png', {});

		const keeping = await upload(10, { method: 'PUT', url: kept.url });
		const dropping = await upload(10, {
			method: 'PUT',
			url: dropped.url,
			options: { keepBinary: false },
		});

		expect(binarySha256(keeping.output('Upload')[0].binary?.data)).toBe(patternSha256(10, 1));
		expect(dropping.output('Upload')[0].binary).toBeUndefined();
		expect(dropping.output('Upload')[0].json.upload).toMatchObject({ bytes: 10 });
	}, 30_000);

	it('POSTs the form fields typed as rows', async () => {
		const target = await env.storage.presignPost('fields/post.png', {
			contentType: 'image/png',
			maxBytes: 5000,
		});
		const field = Object.entries(target.fields).map(([name, value]) => ({ name, value }));

		const run = await upload(1000, { method: 'POST', url: target.url, formFields: { field } });

		expect(run.error('Upload')).toBeUndefined();
		expect(env.storage.getObject('fields/post.png')).toMatchObject({
			sha256: patternSha256(1000, 1),
		});
	}, 30_000);

	it('uploads parts from a plain list of URLs and completes with the complete URL', async () => {
		const size = 6 * MiB;
		const target = await env.storage.createMultipartUpload('fields/parts.bin', {
			size,
			partSize: 5 * MiB,
		});

		const run = await upload(size, {
			method: 'MULTIPART',
			partUrls: JSON.stringify(target.parts.map((part) => part.url)),
			partSize: 5 * MiB,
			completeUrl: target.completeUrl,
			abortUrl: target.abortUrl,
		});

		expect(run.error('Upload')).toBeUndefined();
		expect(env.storage.getObject('fields/parts.bin')).toMatchObject({
			size,
			sha256: patternSha256(size, 1),
		});
		expect(run.output('Upload')[0].json.upload).toMatchObject({
			method: 'MULTIPART',
			etag: expect.stringMatching(/-2"$/),
		});
	}, 30_000);
});
