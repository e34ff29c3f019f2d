'use strict';
// Sizes and run counts of `npm run bench`. `--quick` keeps every code path with small files, for
// CI; the environment overrides either (sizes in MiB):
//   BENCH_RUNS, BENCH_ITEMS, BENCH_ITEM_KIB, BENCH_ITEM_LATENCY_MS, BENCH_ITEMS_AT_ONCE, BENCH_PUT_MIB, BENCH_POST_MIB, BENCH_MULTIPART_MIB, BENCH_MEMORY_MIB,
//   BENCH_FLAT_MIB, BENCH_PART_MIB, BENCH_CONCURRENCY, BENCH_N8N_MIB (comma-separated sizes of
//   the real-n8n comparison; empty skips it), BENCH_N8N_RUNS, BENCH_ONLY (comma-separated
//   scenario ids; `n8n` for the real-n8n comparison)
const MiB = 1024 * 1024;

const FULL = {
	runs: 3,
	put: 1024,
	post: 256,
	multipart: 1024,
	memory: 64,
	flat: 64,
	part: 8,
	concurrency: 4,
	n8n: '3,256',
	n8nRuns: 1,
	items: 500,
	itemKiB: 256,
	itemLatencyMs: 20,
	itemsAtOnce: 8,
};
const QUICK = {
	...FULL,
	runs: 1,
	put: 16,
	post: 16,
	multipart: 24,
	memory: 8,
	flat: 8,
	n8n: '3',
	n8nRuns: 1,
	items: 40,
};

function settingsFrom(argv = process.argv.slice(2), env = process.env) {
	const quick = argv.includes('--quick');
	const base = quick ? QUICK : FULL;
	const number = (name, fallback) => (env[name] ? Number(env[name]) : fallback);
	const n8nSizes = env.BENCH_N8N_MIB ?? base.n8n;
	return {
		quick,
		runs: number('BENCH_RUNS', base.runs),
		putBytes: number('BENCH_PUT_MIB', base.put) * MiB,
		postBytes: number('BENCH_POST_MIB', base.post) * MiB,
		multipartBytes: number('BENCH_MULTIPART_MIB', base.multipart) * MiB,
		memoryBytes: number('BENCH_MEMORY_MIB', base.memory) * MiB,
		flatBytes: number('BENCH_FLAT_MIB', base.flat) * MiB,
		partSize: number('BENCH_PART_MIB', base.part) * MiB,
		concurrency: number('BENCH_CONCURRENCY', base.concurrency),
		n8nBytes: n8nSizes
			.split(',')
			.filter(Boolean)
			.map((size) => Number(size) * MiB),
		n8nRuns: number('BENCH_N8N_RUNS', base.n8nRuns),
		items: number('BENCH_ITEMS', base.items),
		itemBytes: number('BENCH_ITEM_KIB', base.itemKiB) * 1024,
		itemLatencyMs: number('BENCH_ITEM_LATENCY_MS', base.itemLatencyMs),
		itemsAtOnce: number('BENCH_ITEMS_AT_ONCE', base.itemsAtOnce),
		only: env.BENCH_ONLY ? env.BENCH_ONLY.split(',') : undefined,
	};
}

module.exports = { settingsFrom, MiB };
