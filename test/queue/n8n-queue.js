'use strict';
// n8n in queue mode on one host: a main process (editor, REST API, webhooks) that enqueues
// executions in Redis, and `n8n worker` processes that run them. Each process has a user folder
// of its own (as on separate machines): they share only the encryption key, the installed
// package, Redis and the PostgreSQL database, which also holds the binary data (`database`
// mode), so a node that reads a binary by path, or keeps state in one process, fails here.
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const P = require('../e2e/paths');
const { EDITOR_READY, n8nEnv, freePort } = require('../e2e/n8n-home');
const { OWNER } = require('../e2e/n8n-editor');
const { followOutput } = require('./lines');

/**
 * Settings every n8n process of the cluster (and the import commands) must share. Without
 * `postgres`, the database is the SQLite file `sqliteFile` (one host only).
 */
function queueEnv({ redis, postgres, sqliteFile }) {
	const database = postgres
		? {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: postgres.host,
				DB_POSTGRESDB_PORT: String(postgres.port),
				DB_POSTGRESDB_DATABASE: postgres.database,
				DB_POSTGRESDB_USER: postgres.user,
				DB_POSTGRESDB_PASSWORD: '',
			}
		: { DB_TYPE: 'sqlite', DB_SQLITE_DATABASE: sqliteFile };
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		...database,
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		// By default n8n 2.41 publishes a workflow through an outbox that a background task applies
		// later; without it, the publish call returns once the main has registered the webhooks.
		N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false',
	};
}

/** A fresh user folder for one process: the installed package and a `files` folder. */
function processHome(preparedHome, home) {
	fs.rmSync(home, { recursive: true, force: true });
	fs.mkdirSync(path.join(home, 'files'), { recursive: true });
	fs.cpSync(path.join(preparedHome, '.n8n', 'nodes'), path.join(home, '.n8n', 'nodes'), {
		recursive: true,
	});
	return home;
}

/** Starts one n8n process in its own process group; resolves once it prints `ready`. */
async function startProcess(home, { name, args, env, log, ready }) {
	const child = spawn(path.join(P.NODE24_BIN, 'node'), [P.N8N_BIN, ...args], {
		cwd: home,
		env: n8nEnv(home, { N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...env }),
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true, // stop() also ends the task runners n8n starts
	});
	const exited = new Promise((resolve) => child.on('exit', resolve));
	const output = followOutput(child, log);
	const proc = {
		name,
		home,
		pid: child.pid,
		log,
		output,
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			try {
				process.kill(-child.pid, 'SIGTERM');
			} catch {
				return; // already gone
			}
			await exited;
		},
	};
	try {
		await output.waitFor(ready, `n8n ${name}`);
	} catch (err) {
		await proc.stop();
		throw err;
	}
	return proc;
}

/**
 * Main plus `workers` workers (each running up to `concurrency` executions at once), each in
 * its own user folder under `homesDir`. `preparedHome` is the folder the package was installed
 * into and the workflows and credentials were imported with; its encryption key is shared.
 */
async function startCluster(preparedHome, { env, logDir, homesDir, workers = 2, concurrency = 5 }) {
	const { encryptionKey } = JSON.parse(
		fs.readFileSync(path.join(preparedHome, '.n8n', 'config'), 'utf8'),
	);
	env = { ...env, N8N_ENCRYPTION_KEY: encryptionKey };
	const home = (name) => processHome(preparedHome, path.join(homesDir, name));
	const port = await freePort();
	const starting = [
		startProcess(home('main'), {
			name: 'main',
			args: ['start'],
			env: {
				...env,
				N8N_PORT: String(port),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_HOST: 'localhost',
				N8N_SECURE_COOKIE: 'false',
			},
			log: path.join(logDir, 'main.log'),
			ready: EDITOR_READY,
		}),
	];
	for (let i = 1; i <= workers; i++) {
		starting.push(
			freePort().then((healthPort) =>
				startProcess(home(`worker-${i}`), {
					name: `worker-${i}`,
					args: ['worker', `--concurrency=${concurrency}`],
					env: { ...env, QUEUE_HEALTH_CHECK_PORT: String(healthPort) },
					log: path.join(logDir, `worker-${i}.log`),
					ready: /n8n worker is now ready/,
				}),
			),
		);
	}
	const results = await Promise.allSettled(starting);
	const started = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
	const stop = () => Promise.all(started.map((p) => p.stop()));
	const failed = results.find((r) => r.status === 'rejected');
	if (failed) {
		await stop();
		throw failed.reason;
	}
	const [main, ...workerProcs] = started;
	const url = `http://127.0.0.1:${port}`;
	const cookie = await ownerCookie(url);
	return { url, main, workers: workerProcs, cookie, stop };
}

/** Creates the owner account and returns its session cookie for the REST API. */
async function ownerCookie(url) {
	const res = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	const cookie = (res.headers.getSetCookie?.() ?? [])
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('n8n-auth='));
	if (res.status !== 200 || !cookie)
		throw new Error(`owner setup answered ${res.status}: ${await res.text()}`);
	return cookie;
}

module.exports = { queueEnv, startCluster };
