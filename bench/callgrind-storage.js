'use strict';
// Counts the storage process's instructions (valgrind --tool=callgrind, so machine load does not
// matter) while N parallel curl upload a file as a multipart upload and complete it: what the
// sandbox costs per byte, the same for our node and for curl.
//   node bench/callgrind-storage.js <out file> [size MiB, default 64] [concurrency, default 4]
// then `callgrind_annotate <out file> | head -30`.
const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');

const { curlMultipart } = require('./references');
const { patternFile } = require('./files');

const MiB = 1024 * 1024;
const PART_SIZE = 8 * MiB;

async function main() {
	const [out, sizeMiB = '64', concurrency = '4'] = process.argv.slice(2);
	const size = Number(sizeMiB) * MiB;
	const { partFiles } = await patternFile(size, PART_SIZE);
	const child = spawn(
		'valgrind',
		[
			'--tool=callgrind',
			`--callgrind-out-file=${path.resolve(out)}`,
			process.execPath,
			path.join(__dirname, 'storage-process.js'),
		],
		{ stdio: ['ignore', 'pipe', 'ignore'] },
	);
	const line = await new Promise((resolve) =>
		readline.createInterface({ input: child.stdout }).once('line', resolve),
	);
	const storage = JSON.parse(line);
	const response = await fetch(`${storage.control}/presign`, {
		method: 'POST',
		body: JSON.stringify({ key: 'callgrind.bin', method: 'MULTIPART', size, partSize: PART_SIZE }),
	});
	const { target } = await response.json();
	await curlMultipart(partFiles, target, Number(concurrency));
	// SIGTERM makes the storage exit cleanly, so callgrind writes its counts.
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	await exited;
	console.log(`callgrind counts in ${out}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
