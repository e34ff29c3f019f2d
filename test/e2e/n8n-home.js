'use strict';
// A fresh n8n user folder with this package installed the way users install a community
// package: `npm pack`, then `npm install <tarball>` inside <user folder>/.n8n/nodes.
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');
const P = require('./paths');
const { node24Env, run } = require('./n8n-install');

const PACKAGE_NAME = require(path.join(P.ROOT, 'package.json')).name;

/** What `n8n start` prints once its editor and REST API listen. */
const EDITOR_READY = /Editor is now accessible via/;

/** Environment for every n8n process using this user folder. */
function n8nEnv(home, extra = {}) {
	const env = node24Env({
		N8N_USER_FOLDER: home,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_RESTRICT_FILE_ACCESS_TO: path.join(home, 'files'),
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		DB_SQLITE_POOL_SIZE: '1',
		NO_COLOR: '1',
		// jest sets NODE_ENV=test, which makes n8n refuse to load nodes; run it as users do.
		NODE_ENV: 'production',
		...extra,
	});
	// Never load our nodes from a custom-extensions folder: only the installed package counts.
	delete env.N8N_CUSTOM_EXTENSIONS;
	return env;
}

// The limit only ends a hung CLI: the first call on a fresh home runs every database migration,
// which took longer than 3 minutes on a busy 2-core machine.
const CLI_TIMEOUT_MS = 600_000;

/**
 * Run the n8n CLI with Node 24. stdout/stderr go to `log`; resolves to stdout as text.
 * Rejects (with the log tail in the message) on a non-zero exit.
 */
async function n8nCli(home, args, { log, env = {}, timeoutMs = CLI_TIMEOUT_MS } = {}) {
	// Every n8n process opens a task broker; another n8n on this machine may hold the default port.
	const brokerPort = String(await freePort());
	return await new Promise((resolve, reject) => {
		const node = path.join(P.NODE24_BIN, 'node');
		fs.appendFileSync(log, `\n$ n8n ${args.join(' ')}\n`);
		const child = spawn(node, [P.N8N_BIN, ...args], {
			cwd: home,
			env: n8nEnv(home, { N8N_RUNNERS_BROKER_PORT: brokerPort, ...env }),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const out = [];
		child.stdout.on('data', (c) => {
			out.push(c);
			fs.appendFileSync(log, c);
		});
		child.stderr.on('data', (c) => fs.appendFileSync(log, c));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			const stdout = Buffer.concat(out).toString('utf8');
			if (code === 0) return resolve(stdout);
			const why = signal ? `killed by ${signal}` : `exit code ${code}`;
			reject(
				Object.assign(new Error(`n8n ${args[0]} failed (${why})\n${tail(log)}`), {
					stdout,
					code,
					signal,
				}),
			);
		});
	});
}

/** A TCP port on loopback that nothing listens on right now. */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

function tail(file, lines = 40) {
	try {
		return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

/** `npm pack` this package (it must be built) into `dest`; returns the tarball path. */
async function packPackage(dest, log) {
	fs.mkdirSync(dest, { recursive: true });
	for (const f of fs.readdirSync(dest)) if (f.endsWith('.tgz')) fs.rmSync(path.join(dest, f));
	if (!fs.existsSync(path.join(P.ROOT, 'dist')))
		throw new Error('dist/ is missing: run `npm run build` first');
	await run('npm', ['pack', '--ignore-scripts', '--pack-destination', dest], {
		cwd: P.ROOT,
		env: process.env,
		log,
	});
	const tgz = fs.readdirSync(dest).find((f) => f.endsWith('.tgz'));
	if (!tgz) throw new Error(`npm pack produced no tarball; see ${log}`);
	return path.join(dest, tgz);
}

/**
 * Fresh user folder at `home` (wiped first) with the package tarball installed into .n8n/nodes.
 * Returns the installed package.json's "n8n" field.
 */
async function prepareHome(home, { log, tarball }) {
	fs.rmSync(home, { recursive: true, force: true });
	const nodesDir = path.join(home, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.mkdirSync(path.join(home, 'files'), { recursive: true });
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
	);
	await run(
		'npm',
		[
			'install',
			tarball,
			'--ignore-scripts',
			'--omit=dev',
			'--omit=peer',
			'--no-audit',
			'--no-fund',
		],
		{
			cwd: nodesDir,
			env: node24Env(),
			log,
		},
	);
	const installed = path.join(nodesDir, 'node_modules', PACKAGE_NAME, 'package.json');
	if (!fs.existsSync(installed))
		throw new Error(`${PACKAGE_NAME} is not in ${nodesDir}; see ${log}`);
	const n8nField = JSON.parse(fs.readFileSync(installed, 'utf8')).n8n || {};
	// n8n skips the whole package when one listed file is missing; say which one up front.
	const listed = [...(n8nField.nodes || []), ...(n8nField.credentials || [])];
	const missing = listed.filter((f) => !fs.existsSync(path.join(path.dirname(installed), f)));
	if (missing.length) {
		throw new Error(
			`the packed package lacks files its "n8n" field lists (is the build complete?): ${missing.join(', ')}`,
		);
	}
	return n8nField;
}

/** Import credentials and workflows, one n8n command each; `env`: extra n8n settings. */
async function importAll(home, { credentials, workflows, log, env = {} }) {
	const dir = path.join(home, 'import');
	fs.mkdirSync(dir, { recursive: true });
	if (credentials.length) {
		const file = path.join(dir, 'credentials.json');
		fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
		await n8nCli(home, ['import:credentials', `--input=${file}`], { log, env });
	}
	if (workflows.length) {
		const file = path.join(dir, 'workflows.json');
		fs.writeFileSync(file, JSON.stringify(workflows, null, 2));
		await n8nCli(home, ['import:workflow', `--input=${file}`], { log, env });
	}
}

module.exports = {
	PACKAGE_NAME,
	EDITOR_READY,
	n8nEnv,
	n8nCli,
	freePort,
	packPackage,
	prepareHome,
	importAll,
	tail,
};
