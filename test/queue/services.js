'use strict';
// Private Redis and PostgreSQL instances for the queue-mode run: Debian's binaries
// (install-services.sh), free loopback ports, data and logs under the given folder.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');
const { freePort, tail } = require('../e2e/n8n-home');
const { waitForLine } = require('./lines');

/** Resolves once redis-server says it accepts connections; `stop()` shuts it down. */
async function startRedis(dir) {
	fs.mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const log = path.join(dir, 'redis.log');
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
	const child = spawn('redis-server', [...args, '--dir', dir], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const exited = new Promise((resolve) => child.on('exit', resolve));
	await waitForLine(child, log, /Ready to accept connections/, {
		what: 'redis-server',
	});
	return {
		host: '127.0.0.1',
		port,
		log,
		async stop() {
			child.kill('SIGTERM');
			await exited;
		},
	};
}

function postgresBin() {
	const root = '/usr/lib/postgresql';
	const version = fs.existsSync(root)
		? fs
				.readdirSync(root)
				.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))[0]
		: undefined;
	if (!version) throw new Error('PostgreSQL is not installed; run test/queue/install-services.sh');
	return path.join(root, version, 'bin');
}

/**
 * A throw-away PostgreSQL cluster with database `n8n` (user `n8n`, trust auth on loopback).
 * PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user and
 * lives in a folder of its own under the system's temporary folder: the project's folder may be
 * one the `postgres` user cannot enter (a checkout in a 0700 folder, say).
 */
async function startPostgres(dir) {
	const bin = postgresBin();
	const asRoot = process.getuid() === 0;
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const home = asRoot ? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-postgres-')) : dir;
	if (asRoot) execFileSync('chown', ['postgres', home]);
	const data = path.join(home, 'data');
	const log = path.join(home, 'postgres.log');
	const pg = (tool, args) =>
		execFileSync(
			asRoot ? 'runuser' : path.join(bin, tool),
			asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args,
			{ stdio: ['ignore', 'pipe', 'pipe'], cwd: home },
		);
	const port = await freePort();
	try {
		pg('initdb', ['-D', data, '--auth=trust', '-U', 'n8n', '-E', 'UTF8', '--no-sync']);
		// The data is thrown away after the run, so durability settings only cost time.
		const options = `-p ${port} -k ${home} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
		pg('pg_ctl', ['-D', data, '-l', log, '-w', '-o', options, 'start']);
		pg('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n']);
	} catch (err) {
		throw new Error(`PostgreSQL did not start: ${err.stderr || err.message}\n${tail(log)}`);
	}
	return {
		host: '127.0.0.1',
		port,
		database: 'n8n',
		user: 'n8n',
		log,
		async stop() {
			pg('pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop']);
			if (home !== dir) {
				fs.copyFileSync(log, path.join(dir, 'postgres.log'));
				fs.rmSync(home, { recursive: true, force: true });
			}
		},
	};
}

module.exports = { startRedis, startPostgres };
