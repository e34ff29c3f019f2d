'use strict';
// n8n queue mode, the way teams scale past one process: every example workflow is triggered
// through its webhook on the main process, run by one of two workers, with binary data in the
// shared PostgreSQL database; the sandbox checks every stored object byte for byte.
const fs = require('node:fs');
const { loadExamples } = require('../e2e/examples');
const { runOnQueue, binaryModes, WORKERS } = require('./run-queue');
const { isTriggerExample } = require('../e2e/trigger-run');

const SETUP_TIMEOUT = 20 * 60 * 1000; // a cold n8n install is part of the first run

const examples = loadExamples().filter((ex) => !isTriggerExample(ex));
const triggerExamples = loadExamples().filter(isTriggerExample);
const state = {};
const rowOf = (file) => state.rows.find((r) => r.file === file);

beforeAll(async () => {
	const t = Date.now();
	state.result = await runOnQueue({ name: 'queue' });
	state.rows = state.result.rows;
	state.mainLog = fs.readFileSync(state.result.cluster.main.log, 'utf8');
	state.seconds = (Date.now() - t) / 1000;
	const workers = state.rows.map((r) => r.worker);
	process.stdout.write(
		`queue mode: ${state.rows.length} examples in ${state.seconds.toFixed(0)} s ` +
			`(${JSON.stringify(state.result.timings)}); ` +
			`by worker: ${JSON.stringify(Object.fromEntries([...new Set(workers)].map((w) => [w, workers.filter((x) => x === w).length])))}\n`,
	);
}, SETUP_TIMEOUT);

afterAll(async () => {
	await state.result?.stop();
});

test(`the cluster is one main and ${WORKERS} workers in queue mode`, () => {
	const { cluster } = state.result;
	expect(cluster.workers.map((w) => w.name)).toEqual(['worker-1', 'worker-2']);
	for (const worker of cluster.workers) {
		expect(fs.readFileSync(worker.log, 'utf8')).toMatch(/n8n worker is now ready/);
	}
});

describe('example workflows on queue mode', () => {
	test.each(examples.map((ex) => [ex.file]))('%s', (file) => {
		const row = rowOf(file);
		expect(row).toBeDefined();
		expect(row.failures).toEqual([]);
		expect(row.verified).toBe(true);
		expect(row.bytes).toBeGreaterThan(0);
		// Started by its production webhook, enqueued by the main, run by a worker.
		expect(row.run.mode).toBe('webhook');
		expect(state.mainLog).toContain(`Enqueued execution ${row.executionId} (`);
		expect(row.worker).toMatch(/^worker-\d$/);
		// Every binary the run produced lives in the database, not on a process's disk.
		expect(binaryModes(row.run)).toEqual(['database']);
	});
});

describe('trigger workflows on queue mode', () => {
	test.each(triggerExamples.map((ex) => [ex.file, ex]))('%s', (file, example) => {
		const row = state.result.triggerRows.find((r) => r.file === file);
		expect(row).toBeDefined();
		expect(row.failures).toEqual([]);
		expect(row.executions).toHaveLength(example.sidecar.trigger.executions);
		// The main answered each delivery and enqueued it; a worker ran it.
		for (const [i, execution] of row.executions.entries()) {
			expect(state.mainLog).toContain(`Enqueued execution ${execution.id} (`);
			expect(row.workers[i]).toMatch(/^worker-\d$/);
		}
	});
});
