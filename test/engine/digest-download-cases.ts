// The engine's two ways of moving bytes without an upload target: the digest of a binary before
// it is uploaded, and a download into an n8n binary. Both on the real WorkflowExecute, against
// the strict storage sandbox, for the sizes where off-by-one bugs live.
import type { BinaryMode } from '../support/engine';
import { useEngineWithSandbox } from '../support/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternSha256 } = require('../../sandbox/bytes');

const MiB = 1024 * 1024;
const SIZES = [0, 1, 64 * MiB];
/** The digest streams a stored binary: resident memory must not follow the file size. */
const DIGEST_GROWTH_LIMIT = 32 * MiB;

function base64Of(hex: string): string {
	return Buffer.from(hex, 'hex').toString('base64');
}

export function describeDigestAndDownload(mode: BinaryMode) {
	describe(`digest and download through WorkflowExecute, binary data mode "${mode}"`, () => {
		const env = useEngineWithSandbox(mode);

		const source = (size: number) => ({
			name: 'Source',
			type: 'binarySource',
			parameters: { size, fileName: 'photo.png', mimeType: 'image/png' },
		});

		/** Stores `size` pattern bytes under `key` through the Presigned Upload node. */
		async function store(key: string, size: number) {
			const target = await env.storage.presignPut(key, { contentType: 'image/png' });
			const run = await env.engine.run({
				nodes: [
					source(size),
					{
						name: 'Upload',
						type: 'presignedUpload',
						parameters: { targetSource: 'object', target: target as never },
					},
				],
			});
			expect(run.error('Upload')).toBeUndefined();
		}

		async function download(key: string, parameters: Record<string, unknown> = {}) {
			const { url } = await env.storage.presignGet(key);
			return await env.engine.run({
				nodes: [
					{ name: 'Start', type: 'setFields', parameters: { fields: {} } },
					{ name: 'Download', type: 'downloadProbe', parameters: { url, ...parameters } },
					{ name: 'Digest', type: 'digestProbe', parameters: {} },
				],
			});
		}

		for (const size of SIZES) {
			it(`digests ${size} bytes before an upload, as the bytes are`, async () => {
				const run = await env.engine.run({
					nodes: [source(size), { name: 'Digest', type: 'digestProbe', parameters: {} }],
				});

				expect(run.error('Digest')).toBeUndefined();
				const [item] = run.output('Digest');
				const expected = patternSha256(size, 1);
				expect(item.json).toMatchObject({
					bytes: size,
					sha256: expected,
					sha256Base64: base64Of(expected),
					mimeType: 'image/png',
					fileName: 'photo.png',
				});
				expect(item.binary?.data).toBeDefined();
				if (mode === 'filesystem') {
					expect(item.binary?.data.id).toMatch(/^filesystem/);
					// Measured after garbage collection, once per chunk read from the store.
					expect(item.json.rssAfterCollection).toBe(true);
					expect(item.json.rssSamples).toBeGreaterThanOrEqual(Math.ceil(size / MiB));
					expect(item.json.rssGrowthBytes).toBeLessThan(DIGEST_GROWTH_LIMIT);
				}
			}, 120_000);

			it(`downloads ${size} bytes into an n8n binary, byte-identical`, async () => {
				const key = `${mode}/download/${size}.png`;
				await store(key, size);

				const run = await download(key);

				expect(run.error('Download')).toBeUndefined();
				const [downloaded] = run.output('Download');
				const expected = patternSha256(size, 1);
				expect(downloaded.json).toMatchObject({ bytes: size, sha256: expected });
				expect(downloaded.binary?.data).toMatchObject({
					mimeType: 'image/png',
					fileName: `${size}.png`,
				});
				if (mode === 'filesystem') expect(downloaded.binary?.data.id).toMatch(/^filesystem/);
				else expect(downloaded.binary?.data.id).toBeUndefined();
				// What n8n stored is what arrived: read back from the binary store and hashed again.
				expect(run.output('Digest')[0].json).toMatchObject({ bytes: size, sha256: expected });
			}, 120_000);
		}

		it('keeps the storage status and code when the object is missing', async () => {
			const run = await download(`${mode}/download/missing.png`);

			expect(run.error('Download')).toMatchObject({ name: 'NodeApiError', httpCode: '404' });
			expect(run.error('Download')?.message).toMatch(
				/^Storage rejected the download: NoSuchKey - .* \[item 0\]$/,
			);
			expect(run.error('Download')?.message).not.toMatch(/X-Amz-Signature=[0-9a-f]/i);
		});

		it('downloads again after a 503, and the second answer is what is kept', async () => {
			const key = `${mode}/download/retried.png`;
			await store(key, 1000);
			const fault = env.storage.faults.inject({ method: 'GET', status: 503, times: 1 });

			const run = await download(key);

			expect(fault.fired).toBe(1);
			expect(run.error('Download')).toBeUndefined();
			expect(run.output('Download')[0].json).toMatchObject({
				bytes: 1000,
				sha256: patternSha256(1000, 1),
			});
		});

		it('refuses a file larger than allowed, and one whose size is not what the provider said', async () => {
			const key = `${mode}/download/sized.png`;
			await store(key, 1000);

			const tooLarge = await download(key, { maxBytes: 999 });
			const otherSize = await download(key, { expectedBytes: 1001 });

			expect(tooLarge.error('Download')?.message).toBe(
				'The download has 1000 bytes, more than the allowed 999 [item 0]',
			);
			expect(otherSize.error('Download')?.message).toBe(
				'The download has 1000 bytes but the provider said 1001 [item 0]',
			);
		});

		it('names the file by the caller when asked', async () => {
			const key = `${mode}/download/named.png`;
			await store(key, 10);

			const run = await download(key, { fileName: 'upscaled.png' });

			expect(run.output('Download')[0].binary?.data.fileName).toBe('upscaled.png');
		});
	});
}
