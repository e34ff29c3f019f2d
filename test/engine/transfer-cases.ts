// Byte-identical uploads through the real n8n engine into the strict storage sandbox, for every
// upload style and the sizes where off-by-one and part-boundary bugs live.
import type { BinaryMode } from '../support/engine';
import { useEngineWithSandbox, type StorageOptions } from '../support/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternSha256 } = require('../../sandbox/bytes');

const MiB = 1024 * 1024;
export const SIZES = [0, 1, 5 * MiB + 1, 64 * MiB];
const PART_SIZE = 5 * MiB;

export function describeTransfers(mode: BinaryMode, storage: StorageOptions = {}) {
	const acls = storage.aclsEnabled === false ? ', bucket ACLs disabled' : '';
	describe(`uploads through WorkflowExecute, binary data mode "${mode}"${acls}`, () => {
		const env = useEngineWithSandbox(mode, { storage });

		const targets: Record<string, (key: string, size: number) => Promise<unknown>> = {
			PUT: async (key) =>
				await env.storage.presignPut(key, { contentType: 'application/octet-stream' }),
			POST: async (key, size) =>
				await env.storage.presignPost(key, {
					contentType: 'application/octet-stream',
					maxBytes: Math.max(size, 1),
				}),
			MULTIPART: async (key, size) =>
				await env.storage.createMultipartUpload(key, { size, partSize: PART_SIZE }),
		};

		for (const method of Object.keys(targets)) {
			for (const size of SIZES) {
				it(`${method} of ${size} bytes arrives byte-identical`, async () => {
					const key = `${mode}/${method}/${size}.bin`;
					const target = await targets[method](key, size);
					const run = await env.engine.run({
						nodes: [
							{
								name: 'Source',
								type: 'binarySource',
								parameters: { size, mimeType: 'application/octet-stream' },
							},
							{
								name: 'Upload',
								type: 'presignedUpload',
								parameters: { targetSource: 'object', target: target as never },
							},
						],
					});
					expect(run.error('Upload')).toBeUndefined();
					const [item] = run.output('Upload');
					const expected = patternSha256(size, 1);
					expect(env.storage.getObject(key)).toMatchObject({ size, sha256: expected });
					expect(item.json.upload).toMatchObject({
						method,
						bytes: size,
						sha256: expected,
						objectUrl: `${env.storage.url}/${env.storage.bucket}/${key}`,
					});
					if (mode === 'filesystem') expect(item.binary?.data.id).toMatch(/^filesystem/);
					else expect(item.binary?.data.id).toBeUndefined();
				}, 120_000);
			}
		}
	});
}
