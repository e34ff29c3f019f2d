'use strict';
// Starts bench/storage-process.js and reads the line of JSON with its URLs.
const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');

/** The storage in a child process: {child, ...the URLs it printed}. */
async function startStorageProcess() {
	const child = spawn(process.execPath, [path.join(__dirname, 'storage-process.js')], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const line = await new Promise((resolve) =>
		readline.createInterface({ input: child.stdout }).once('line', resolve),
	);
	return { child, ...JSON.parse(line) };
}

module.exports = { startStorageProcess };
