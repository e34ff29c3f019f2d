#!/usr/bin/env node
'use strict';
// `npm run demo`: every example workflow in a real n8n against the loopback sandbox, one table.
//   --open        afterwards leave the n8n editor running at http://localhost:5678
//   --port=5678   editor port for --open
const fs = require('node:fs');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const args = process.argv.slice(2);
const OPEN = args.includes('--open');
const PORT = Number((args.find((a) => a.startsWith('--port=')) || '--port=5678').split('=')[1]);

async function reexecOnNode24() {
	// n8n, this package and the storage sandbox's AWS SDK all want Node 24; fetch it if needed.
	const { ensureNode24 } = require('./n8n-install');
	const P = require('./paths');
	const fs = require('node:fs');
	fs.mkdirSync(P.E2E_DIR, { recursive: true });
	console.log(
		`Node ${process.version} found; using Node 24 from .cache/node24 (installed on first use)`,
	);
	const node = await ensureNode24({ log: path.join(P.E2E_DIR, 'install.log') });
	const child = spawn(node, [__filename, ...args], { stdio: 'inherit' });
	// Ctrl+C reaches both processes; let the child clean up and report its exit code.
	process.on('SIGINT', () => {});
	process.on('SIGTERM', () => child.kill('SIGTERM'));
	child.on('exit', (code, signal) => process.exit(code === null ? (signal ? 1 : 0) : code));
}

/** A fresh clone has no dev dependencies and no build yet: install (once) and build with this Node. */
function installAndBuild(step) {
	const P = require('./paths');
	const env = { ...process.env, npm_config_yes: 'true' };
	env.PATH = `${path.dirname(process.execPath)}${path.delimiter}${env.PATH}`;
	if (process.execPath.startsWith(P.NODE24_DIR)) env.npm_config_nodedir = P.NODE24_HOME;
	const npm = (npmArgs) => {
		const run = spawnSync('npm', npmArgs, {
			cwd: P.ROOT,
			env,
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		if (run.status !== 0) throw new Error(`npm ${npmArgs.join(' ')} failed`);
	};
	if (!fs.existsSync(path.join(P.ROOT, 'node_modules', '.bin', 'tsc'))) {
		step('Installing the dev dependencies (npm install, first run only)');
		npm(['install', '--no-audit', '--no-fund']);
	}
	step('Building the package');
	npm(['run', 'build']);
}

async function main() {
	const step = (text) => console.log(`• ${text}`);
	installAndBuild(step);
	const { prepare, runAll } = require('./run-examples');
	const { renderTable } = require('./table');
	const { startEditor } = require('./n8n-editor');
	const t0 = Date.now();

	const ctx = await prepare({ onStep: step });
	if (!ctx.examples.length) throw new Error('no workflows in examples/');
	step(`Running ${ctx.examples.length} example workflows with \`n8n execute\``);
	const rows = await runAll(ctx, {
		onRow: (r) =>
			console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.workflow} (${r.wallSeconds.toFixed(1)} s)`),
	});

	console.log(`\n${renderTable(rows)}\n`);
	const inst = ctx.install.cached ? 'cached' : `installed in ${ctx.install.seconds.toFixed(0)} s`;
	console.log(
		`n8n ${ctx.install.version} (${inst}) · package ${ctx.timings.package.toFixed(1)} s · ` +
			`import ${ctx.timings.import.toFixed(1)} s · total ${((Date.now() - t0) / 1000).toFixed(1)} s`,
	);
	console.log(`Logs: ${path.relative(process.cwd(), ctx.logs.runs) || ctx.logs.runs}/`);

	const failed = rows.filter((r) => !r.ok);
	for (const r of failed) {
		console.log(`\n✗ ${r.workflow} (${r.file})`);
		for (const f of r.failures) console.log(`    ${f.split('\n').join('\n    ')}`);
		console.log(`    log: ${r.log}`);
	}

	if (!OPEN) {
		await ctx.sandbox.close();
		return failed.length ? 1 : 0;
	}
	step(`Starting the n8n editor on port ${PORT}`);
	const editor = await startEditor(ctx.home, { port: PORT, log: ctx.logs.editor });
	console.log(`
n8n is running at ${editor.url}  (every example workflow and credential is imported)
  Sign in:  ${editor.owner.email}  /  ${editor.owner.password}
  Sandbox:  ${Object.entries(ctx.sandbox.urls)
		.map(([k, v]) => `${k} ${v}`)
		.join(', ')}
  Open a workflow, press "Execute workflow", and look at each step's input and output.
  Ctrl+C stops n8n and the sandbox.`);
	await new Promise((resolve) => {
		process.once('SIGINT', resolve);
		process.once('SIGTERM', resolve);
	});
	await editor.stop();
	await ctx.sandbox.close();
	return failed.length ? 1 : 0;
}

if (Number(process.versions.node.split('.')[0]) < 24) {
	reexecOnNode24().catch((err) => {
		console.error(err.message);
		process.exit(1);
	});
} else {
	main().then(
		(code) => process.exit(code),
		(err) => {
			console.error(`\n${err.message}`);
			if (err.code === 'EADDRINUSE') {
				console.error(`Port ${err.port} is taken: is another demo or sandbox still running?`);
			}
			process.exit(1);
		},
	);
}
