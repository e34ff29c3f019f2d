// "Items at Once" runs uploads side by side yet keeps output order and pairedItem as with one.
import { useEngineWithSandbox } from '../support/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternSha256 } = require('../../sandbox/bytes');

const ITEMS = 20;
const SIZE = 64 * 1024;

describe('Items at Once', () => {
	const env = useEngineWithSandbox('filesystem');

	const runWith = async (
		itemsAtOnce: number | undefined,
		prefix: string,
		{
			missing = [],
			continueOnFail = missing.length > 0,
		}: { missing?: number[]; continueOnFail?: boolean } = {},
	) => {
		const perItem = await Promise.all(
			Array.from({ length: ITEMS }, async (_, index) => ({
				key: `${prefix}/${index}.bin`,
				target: await env.storage.presignPut(`${prefix}/${index}.bin`, {}),
			})),
		);
		env.storage.resetStats();
		const run = await env.engine.run({
			nodes: [
				{
					name: 'Source',
					type: 'binarySource',
					parameters: {
						count: ITEMS,
						size: SIZE,
						perItem: perItem as never,
						missing: missing as never,
					},
				},
				{
					name: 'Upload',
					type: 'presignedUpload',
					parameters: {
						target: '={{ $json.target }}',
						options: itemsAtOnce ? { itemsAtOnce } : {},
					},
					onError: continueOnFail ? 'continueRegularOutput' : undefined,
				},
			],
		});
		return { run, perItem };
	};

	it('overlaps uploads with 5 at once and keeps input order and pairedItem', async () => {
		env.storage.setLatency(150);
		const { run } = await runWith(5, 'parallel');
		env.storage.setLatency(0);

		expect(run.error('Upload')).toBeUndefined();
		expect(env.storage.stats.maxInFlight).toBeGreaterThanOrEqual(2);
		const output = run.output('Upload');
		expect(output.map((item) => item.json.index)).toEqual([...Array(ITEMS).keys()]);
		expect(output.map((item) => item.pairedItem)).toEqual(
			[...Array(ITEMS).keys()].map((item) => ({ item })),
		);
		output.forEach((item, index) => {
			expect(item.json.upload).toMatchObject({ sha256: patternSha256(SIZE, index + 1) });
			expect(env.storage.getObject(`parallel/${index}.bin`)?.sha256).toBe(
				patternSha256(SIZE, index + 1),
			);
		});
	}, 60_000);

	it('sends one at a time by default', async () => {
		env.storage.setLatency(20);
		const { run } = await runWith(undefined, 'serial');
		env.storage.setLatency(0);

		expect(run.error('Upload')).toBeUndefined();
		expect(env.storage.stats.maxInFlight).toBe(1);
		expect(run.output('Upload').map((item) => item.json.index)).toEqual([...Array(ITEMS).keys()]);
	}, 60_000);

	it('turns failed items into error items in place when continuing on fail', async () => {
		const { run } = await runWith(4, 'partial', { missing: [1, 7, 19] });

		const output = run.output('Upload');
		expect(output.map((item) => item.pairedItem)).toEqual(
			[...Array(ITEMS).keys()].map((item) => ({ item })),
		);
		const failed = output.flatMap((item, index) => (item.json.error ? [index] : []));
		expect(failed).toEqual([1, 7, 19]);
		expect(output[7].json.error).toMatch(/binary/i);
		// The input's own fields reach the next node beside the error.
		expect(output[7].json).toMatchObject({ index: 7, seed: 8 });
		expect(env.storage.listObjects().filter((key) => key.startsWith('partial/'))).toHaveLength(
			ITEMS - 3,
		);
	}, 60_000);

	it('reports the failure of the first item in input order, not the first or last to fail', async () => {
		// Item 1 fails at once (no binary), item 2 as soon as the storage answers, item 0 last.
		env.storage.faults.inject({
			method: 'PUT',
			pathIncludes: 'order/0.bin',
			status: 403,
			latencyMs: 300,
		});
		env.storage.faults.inject({ method: 'PUT', pathIncludes: 'order/2.bin', status: 403 });

		const { run } = await runWith(4, 'order', { missing: [1], continueOnFail: false });

		expect(run.error('Upload')?.message).toBe(
			'Storage rejected the upload: AccessDenied - Access Denied [item 0]',
		);
	}, 60_000);

	it('without continuing on fail, reports the first failing item in input order and starts no more', async () => {
		const { run } = await runWith(4, 'stop', { missing: [5, 6], continueOnFail: false });

		expect(run.error('Upload')?.message).toMatch(/\[item 5\]/);
		const uploaded = env.storage
			.listObjects()
			.filter((key) => key.startsWith('stop/'))
			.map((key) => Number(key.slice('stop/'.length, -'.bin'.length)));
		expect(uploaded).toEqual(expect.arrayContaining([0, 1, 2, 3, 4]));
		expect(Math.max(...uploaded)).toBeLessThan(5 + 4);
	}, 60_000);
});
