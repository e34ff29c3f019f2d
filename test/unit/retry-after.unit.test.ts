// How the engine treats a storage that asks to wait: never earlier than asked, and not for ever.
import nock from 'nock';

import { useNockedEngine } from '../support/nock';

const HOST = 'https://storage.example.com';
const env = useNockedEngine('default');

async function upload() {
	return await env.engine.run({
		nodes: [
			{ name: 'Source', type: 'binarySource', parameters: { size: 100 } },
			{
				name: 'Upload',
				type: 'presignedUpload',
				parameters: { target: { method: 'PUT', url: `${HOST}/key`, headers: {} } as never },
			},
		],
	});
}

const slowDown = (seconds: number) =>
	[
		503,
		'<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>',
		{ 'Retry-After': String(seconds) },
	] as const;

describe('Retry-After', () => {
	it('waits at least as long as the storage asked before the next try', async () => {
		const seen: number[] = [];
		nock(HOST)
			.put('/key')
			.reply(() => {
				seen.push(Date.now());
				return [...slowDown(1)];
			})
			.put('/key')
			.reply(() => {
				seen.push(Date.now());
				return [200, '', { ETag: '"abc"' }];
			});

		const run = await upload();

		expect(run.error('Upload')).toBeUndefined();
		expect(seen).toHaveLength(2);
		expect(seen[1] - seen[0]).toBeGreaterThanOrEqual(1000);
	});

	it('fails at once, saying how long the storage asked to wait, when that is beyond the limit', async () => {
		const scope = nock(HOST)
			.put('/key')
			.reply(...slowDown(300));
		const again = nock(HOST).put('/key').reply(200, '', { ETag: '"abc"' });

		const run = await upload();

		expect(scope.isDone()).toBe(true);
		expect(again.isDone()).toBe(false);
		expect(run.error('Upload')).toMatchObject({ name: 'NodeApiError', httpCode: '503' });
		expect(run.error('Upload')?.message).toBe(
			'Storage rejected the upload: SlowDown - Please reduce your request rate. (the storage asked to wait 300 s before trying again, longer than the 120 s this node waits) [item 0]',
		);
	});
});
