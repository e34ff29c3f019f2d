'use strict';
// Every example workflow on n8n queue mode: Redis, PostgreSQL, one main and two workers, binary
// data in the database. The e2e runner (test/e2e/run-examples.js) does the installing, importing
// and checking; only the way an example is started and read back differs: through its webhook.
const fs = require('node:fs');
const path = require('node:path');
const P = require('../e2e/paths');
const { prepare, runAll } = require('../e2e/run-examples');
const { DEFAULT_PORTS } = require('../../sandbox');
const { startRedis, startPostgres } = require('./services');
const { queueEnv, startCluster } = require('./n8n-queue');
const {
	webhookWorkflow,
	publishAll,
	runThroughWebhook,
	binarySha256,
	restJson,
	workerOf,
} = require('./webhook-runs');
const { isTriggerExample, runTriggerExample } = require('../e2e/trigger-run');

const WORKERS = 2;

/**
 * Starts everything and runs every example once. `database`: "postgres" (production's choice)
 * or "sqlite" (one file, one host only); `examples`: what to run (default: every example);
 * `env`: extra n8n settings for every process. Resolves to {ctx, cluster, rows, timings,
 * stop()}; call stop() even when rows report failures.
 */
async function runOnQueue({
	name = 'queue',
	onStep = () => {},
	concurrency = 5,
	database = process.env.QUEUE_DATABASE || 'postgres',
	examples,
	env: extraEnv = {},
} = {}) {
	if (!['postgres', 'sqlite'].includes(database))
		throw new Error(`QUEUE_DATABASE is "${database}"; use postgres or sqlite`);
	const dir = path.join(P.E2E_DIR, name);
	const servicesDir = path.join(dir, 'services');
	const logDir = path.join(dir, 'logs');
	fs.rmSync(servicesDir, { recursive: true, force: true }); // a database left from the last run
	fs.mkdirSync(logDir, { recursive: true });
	const stops = [];
	const stop = async () => {
		for (const s of stops.reverse()) await s().catch(() => undefined);
		stops.length = 0;
	};
	const timings = {};
	const timed = async (what, fn) => {
		const t = Date.now();
		try {
			return await fn();
		} finally {
			timings[what] = (Date.now() - t) / 1000;
		}
	};
	try {
		onStep(
			`Starting Redis${database === 'postgres' ? ' and PostgreSQL' : ''} on free loopback ports`,
		);
		// Each service's stop is kept as soon as it runs, so a failed start stops what did start.
		const { redis, postgres } = await timed('services', async () => {
			const redis = await startRedis(path.join(servicesDir, 'redis'));
			stops.push(() => redis.stop());
			if (database !== 'postgres') return { redis };
			const postgres = await startPostgres(path.join(servicesDir, 'postgres'));
			stops.push(() => postgres.stop());
			return { redis, postgres };
		});
		const env = {
			...queueEnv({ redis, postgres, sqliteFile: path.join(servicesDir, 'database.sqlite') }),
			...extraEnv,
		};

		const ports = Object.fromEntries(Object.keys(DEFAULT_PORTS).map((k) => [k, 0]));
		const ctx = await timed('prepare', () =>
			prepare({
				name,
				ports,
				onStep,
				env,
				forImport: webhookWorkflow,
				examples,
			}),
		);
		stops.push(() => ctx.sandbox.close());

		onStep(`Starting n8n: one main and ${WORKERS} workers (logs: ${logDir})`);
		const cluster = await timed('cluster', () =>
			startCluster(ctx.home, {
				env,
				logDir,
				homesDir: path.join(dir, 'homes'),
				workers: WORKERS,
				concurrency,
			}),
		);
		stops.push(() => cluster.stop());
		await timed('publish', () =>
			publishAll(
				cluster,
				// Trigger examples were published before the main started.
				ctx.examples.filter((ex) => !isTriggerExample(ex)).map((ex) => ex.workflow.id),
			),
		);

		ctx.execute = async (_ctx, example, row) => {
			const { run, executionId, worker, answer } = await runThroughWebhook(
				cluster,
				example.workflow.id,
			);
			Object.assign(row, { executionId, worker, webhookAnswer: answer });
			fs.writeFileSync(
				row.log,
				`webhook answered ${answer}\nexecution ${executionId} ran on ${worker}\n`,
			);
			return run;
		};
		ctx.binarySha256 = (binary) => binarySha256(cluster, binary);
		onStep(`Running ${ctx.examples.length} example workflows through their webhooks`);
		const rows = await timed('runs', () => runAll(ctx));
		const triggerRows = [];
		for (const example of ctx.examples.filter(isTriggerExample)) {
			const row = await runTriggerExample({
				editor: { url: cluster.url },
				sandbox: ctx.sandbox,
				example,
				rest: (route) => restJson(cluster, route),
			});
			row.workers = await Promise.all(row.executions.map((e) => workerOf(cluster, e.id)));
			triggerRows.push(row);
		}
		return { ctx, cluster, rows, triggerRows, timings, stop, logDir };
	} catch (err) {
		await stop();
		throw err;
	}
}

/** Binary data modes of every binary in a run's output items ("database", "filesystem-v2", ...). */
function binaryModes(run) {
	const modes = new Set();
	for (const runs of Object.values(run?.data?.resultData?.runData ?? {})) {
		for (const task of runs) {
			for (const items of task.data?.main ?? []) {
				for (const item of items ?? []) {
					for (const bin of Object.values(item.binary ?? {})) {
						modes.add(bin.id ? bin.id.slice(0, bin.id.indexOf(':')) : 'inline');
					}
				}
			}
		}
	}
	return [...modes].sort();
}

module.exports = { runOnQueue, binaryModes, WORKERS };
