#!/usr/bin/env node
'use strict';
// `npm run test:queue:big`: one 200 MiB file through the generic Presigned Upload node on n8n
// queue mode (a worker runs it), binary data in the database by default, and the peak memory of
// the worker that ran it (VmHWM in /proc/<pid>/status) next to the idle worker's.
//   --mode=filesystem   binary data on disk instead (a shared folder: one host only)
//   --mib=200           file size
const fs = require('node:fs');
const path = require('node:path');
const { pipeline } = require('node:stream/promises');
const P = require('../e2e/paths');
const { patternStream, patternSha256 } = require('../../sandbox/bytes');
const { runOnQueue } = require('./run-queue');

const arg = (name, fallback) =>
	(process.argv.find((a) => a.startsWith(`--${name}=`)) || `=${fallback}`).split('=')[1];
const MODE = arg('mode', 'database');
const SIZE = Number(arg('mib', 200)) * 1024 * 1024;
const SEED = 200;
const NAME = 'queue-big';
const KEY = `queue/big-${SIZE}.bin`;

/** The workflow: settings, a presigned PUT from the presign API, the file read, the upload. */
function bigWorkflow(file) {
	const node = (name, type, typeVersion, parameters, x, extra = {}) => ({
		id: `0b16f11e-0000-4000-a000-00000000000${x}`,
		name,
		type,
		typeVersion,
		position: [x * 240, 0],
		parameters,
		...extra,
	});
	const nodes = [
		node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, 0),
		node(
			'Settings',
			'n8n-nodes-base.set',
			3.4,
			{
				assignments: {
					assignments: [
						{ id: 'a1', name: 'presignApiUrl', value: 'http://127.0.0.1:4567', type: 'string' },
						{ id: 'a2', name: 'objectKey', value: KEY, type: 'string' },
					],
				},
				options: {},
			},
			1,
		),
		node(
			'Get upload URL',
			'n8n-nodes-base.httpRequest',
			4.2,
			{
				method: 'POST',
				url: "={{ $('Settings').item.json.presignApiUrl }}/presign",
				authentication: 'genericCredentialType',
				genericAuthType: 'httpHeaderAuth',
				sendBody: true,
				specifyBody: 'json',
				jsonBody:
					"={{ JSON.stringify({ key: $json.objectKey, method: 'PUT', contentType: 'application/octet-stream' }) }}",
				options: {},
			},
			2,
			{ credentials: { httpHeaderAuth: { id: 'sandboxPresignApi', name: 'Sandbox presign API' } } },
		),
		node('Read file', 'n8n-nodes-base.readWriteFile', 1, { fileSelector: file, options: {} }, 3),
		node(
			'Upload file',
			'n8n-nodes-presigned-upload.presignedUpload',
			1,
			{
				binaryPropertyName: 'data',
				target: "={{ $('Get upload URL').item.json.target }}",
				options: {},
			},
			4,
		),
	];
	const chain = nodes.map((n) => n.name);
	const connections = Object.fromEntries(
		chain
			.slice(0, -1)
			.map((from, i) => [from, { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] }]),
	);
	return {
		id: 'queueBigUpload',
		name: `Queue mode: ${SIZE / 1024 / 1024} MiB through the generic node`,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}

async function ensureFile(file) {
	if (fs.existsSync(file) && fs.statSync(file).size === SIZE) return;
	fs.mkdirSync(path.dirname(file), { recursive: true });
	await pipeline(patternStream(SIZE, SEED), fs.createWriteStream(file));
}

/** Peak and current resident memory of a process, in MiB. */
function memory(pid) {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
	return { peakMiB: Math.round(kib('VmHWM') / 1024), nowMiB: Math.round(kib('VmRSS') / 1024) };
}

async function main() {
	const dir = path.join(P.E2E_DIR, NAME);
	const filesDir = path.join(P.CACHE, 'queue-files'); // kept between runs: writing it takes a while
	const file = path.join(filesDir, `big-${SIZE}.bin`);
	console.log(`• Writing the ${SIZE / 1024 / 1024} MiB test file (first run only): ${file}`);
	await ensureFile(file);
	const sha256 = patternSha256(SIZE, SEED);
	const workflow = bigWorkflow(file);
	const example = {
		file: 'queue/big-upload.json',
		base: 'big-upload',
		text: JSON.stringify(workflow),
		workflow,
		sidecar: { objects: [{ key: KEY, sha256, size: SIZE }] },
	};
	const env = { N8N_RESTRICT_FILE_ACCESS_TO: filesDir, N8N_DEFAULT_BINARY_DATA_MODE: MODE };
	if (MODE === 'filesystem') env.N8N_BINARY_DATA_STORAGE_PATH = path.join(dir, 'binary-data');
	const t = Date.now();
	const result = await runOnQueue({
		name: NAME,
		examples: [example],
		env,
		onStep: (s) => console.log(`• ${s}`),
	});
	try {
		const [row] = result.rows;
		const figures = Object.fromEntries(
			[result.cluster.main, ...result.cluster.workers].map((p) => [
				p.name === row.worker ? `${p.name} (ran it)` : p.name,
				memory(p.pid),
			]),
		);
		console.log(`\nbinary data mode: ${MODE}; ${SIZE} bytes; execution ${row.executionId}`);
		console.log(`result: ${row.ok ? 'ok, stored object byte-identical' : 'FAILED'}`);
		for (const f of row.failures) console.log(`  ${f}`);
		console.log(
			`n8n execution time: ${row.seconds.toFixed(1)} s (webhook round trip ${row.wallSeconds.toFixed(1)} s)`,
		);
		console.log(
			"resident memory (MiB), peak since start (VmHWM) and now (VmRSS); the main's includes serving the check's download of n8n's copy:",
		);
		for (const [name, m] of Object.entries(figures)) {
			console.log(`  ${name.padEnd(20)} peak ${String(m.peakMiB).padStart(5)}   now ${m.nowMiB}`);
		}
		console.log(`total ${((Date.now() - t) / 1000).toFixed(0)} s; logs: ${result.logDir}`);
		process.exitCode = row.ok ? 0 : 1;
	} finally {
		await result.stop();
	}
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
