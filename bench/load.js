'use strict';
// The load run at full size: RELIABILITY_LOAD_ITEMS items of 1 MiB (default 300) through one
// workflow, Sivi then Closient, 8 items at once, every 20th URL request and upload failing once
// with a 503 (test/engine/load.engine.test.ts). Prints the figures the test wrote to
// .cache/bench/load.json and exits non-zero when the run fails.
//   node bench/load.js            (run from bench/run.js with the same environment)
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const results = path.join(root, '.cache', 'bench', 'load.json');
const items = process.env.RELIABILITY_LOAD_ITEMS || '300';

fs.rmSync(results, { force: true });
const run = spawnSync(
	process.execPath,
	[
		path.join(root, 'test', 'run.js'),
		'--selectProjects',
		'engine',
		'--testPathPatterns',
		'load\\.engine',
	],
	{ cwd: root, stdio: 'inherit', env: { ...process.env, RELIABILITY_LOAD_ITEMS: items } },
);
if (run.status !== 0 || !fs.existsSync(results)) {
	process.stderr.write('load run failed\n');
	process.exit(run.status || 1);
}
const figures = JSON.parse(fs.readFileSync(results, 'utf8'));
const failures = Object.values(figures.injectedFailures).reduce((sum, n) => sum + n, 0);
process.stdout.write(
	`\nload: ${figures.items} items x ${figures.bytesPerItem / 1024 / 1024} MiB, ${figures.itemsAtOnce} at once, ` +
		`${figures.uploads} uploads in ${figures.seconds.toFixed(1)} s, ${failures} injected 503s, ` +
		`all byte-identical and registered once; peak RSS ${figures.peakRssMiB} MiB ` +
		`(${figures.rssBeforeMiB} MiB before the run, ${figures.heldByStorageMiB} MiB held by the in-process storage)\n`,
);
