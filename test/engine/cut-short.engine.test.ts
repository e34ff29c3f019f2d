// A stored file that yields fewer bytes than n8n recorded for it (cut short on disk, changed
// while read) fails at once with what happened, is never reported as uploaded or digested, and
// leaves no object behind.
import { useEngineWithSandbox } from '../support/sandbox';

const MESSAGE = 'The binary yielded 600 bytes but its stored size is 1000 bytes';

const env = useEngineWithSandbox('filesystem');

const cutSource = {
	name: 'Source',
	type: 'binarySource',
	parameters: { size: 1000, storedBytes: 600 },
};

describe('a stored file cut short', () => {
	it.each([
		['PUT', () => env.storage.presignPut('cut/put.bin', {})],
		['POST form', () => env.storage.presignPost('cut/post.bin', {})],
	])('fails the %s without waiting for the missing bytes', async (_case, presign) => {
		const target = await presign();

		const run = await env.engine.run({
			nodes: [
				cutSource,
				{ name: 'Upload', type: 'presignedUpload', parameters: { target: target as never } },
			],
		});

		expect(run.error('Upload')?.message).toBe(`${MESSAGE} [item 0]`);
		expect(run.output('Upload')).toEqual([]);
		expect(env.storage.listObjects().filter((key) => key.startsWith('cut/'))).toEqual([]);
	});

	it('fails the digest taken before an upload', async () => {
		const run = await env.engine.run({
			nodes: [cutSource, { name: 'Digest', type: 'digestProbe', parameters: {} }],
		});

		expect(run.error('Digest')?.message).toBe(MESSAGE);
	});
});
