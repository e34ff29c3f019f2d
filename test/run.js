// Runs jest with the given arguments and ends the output with the plain line "N passed, N failed".
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const summaryFile = path.join(root, '.cache', 'test-summary.json');
fs.rmSync(summaryFile, { force: true });

const jest = require.resolve('jest/bin/jest');
// --expose-gc lets memory tests measure what code keeps alive (test/support/transfer-probes.ts).
const run = spawnSync(process.execPath, ['--expose-gc', jest, ...process.argv.slice(2)], {
	cwd: root,
	stdio: 'inherit',
	env: { ...process.env, TEST_SUMMARY_FILE: summaryFile },
});

const summary = fs.existsSync(summaryFile)
	? JSON.parse(fs.readFileSync(summaryFile, 'utf8'))
	: { passed: 0, failed: 1 };
const exitCode = run.status ?? 1;
const failed = exitCode !== 0 && summary.failed === 0 ? 1 : summary.failed;
process.stdout.write(`\n${summary.passed} passed, ${failed} failed\n`);
process.exit(exitCode);
