'use strict';
// Our node beside the status quo in the real n8n the e2e tests use (this package packed and
// installed into a fresh user folder, workflows run by `n8n execute`, one process per run): a
// presigned PUT of a file read from disk, by the Presigned Upload node and by the HTTP Request
// node a user would chain instead. A third workflow reads the file and uploads nothing; its peak
// RSS is subtracted, so each figure is the peak memory the upload itself added.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pipeline } = require('node:stream/promises');

const { ensureN8n } = require('../test/e2e/n8n-install');
const { n8nEnv, freePort, packPackage, prepareHome, importAll } = require('../test/e2e/n8n-home');
const P = require('../test/e2e/paths');
const { patternSha256, patternStream } = require('../sandbox/bytes');
const { MiB } = require('./settings');
const { startStorageProcess } = require('./storage-client');

const root = path.resolve(__dirname, '..');
const workDir = path.join(root, '.cache', 'bench', 'n8n');

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

const node = (name, type, typeVersion, parameters, x) => ({
	id: `${name}-${x}`.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
	name,
	type,
	typeVersion,
	position: [x * 240, 0],
	parameters,
});

/** Start → ask the storage for a presigned PUT → read the file → `upload` (none for the baseline). */
function workflow(id, { control, key, size, file }, upload) {
	const nodes = [
		node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, 0),
		node(
			'Presign',
			'n8n-nodes-base.httpRequest',
			4.2,
			{
				method: 'POST',
				url: `${control}/presign`,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: JSON.stringify({ key, method: 'PUT', size }),
				options: {},
			},
			1,
		),
		node('Read file', 'n8n-nodes-base.readWriteFile', 1, { fileSelector: file, options: {} }, 2),
	];
	if (upload) nodes.push({ ...upload, id: `${id}-upload`, position: [720, 0] });
	const names = nodes.map((n) => n.name);
	const connections = Object.fromEntries(
		names
			.slice(0, -1)
			.map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
	);
	return { id, name: id, active: false, nodes, connections, settings: {} };
}

const OURS = {
	label: 'Presigned Upload node',
	node: node(
		'Upload',
		'n8n-nodes-presigned-upload.presignedUpload',
		1,
		{ binaryPropertyName: 'data', target: "={{ $('Presign').item.json.target }}", options: {} },
		3,
	),
};
const PEER = {
	label: 'HTTP Request node (PUT, binary body)',
	node: node(
		'Upload',
		'n8n-nodes-base.httpRequest',
		4.2,
		{
			method: 'PUT',
			url: "={{ $('Presign').item.json.target.url }}",
			sendBody: true,
			contentType: 'binaryData',
			inputDataFieldName: 'data',
			options: {},
		},
		3,
	),
};

/** The IRun JSON `n8n execute --rawOutput` prints after n8n's own log lines. */
function parseRun(stdout) {
	const start = stdout.indexOf('\n{');
	try {
		return JSON.parse(stdout.slice(start, stdout.lastIndexOf('}') + 1));
	} catch {
		return undefined;
	}
}

/** `n8n execute` under /usr/bin/time: wall time, peak RSS, and the upload node's own time. */
async function execute(home, id) {
	const env = n8nEnv(home, { N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
	const nodeBin = path.join(P.NODE24_BIN, 'node');
	const started = process.hrtime.bigint();
	const { code, stdout, stderr } = await new Promise((resolve, reject) => {
		const child = spawn(
			'/usr/bin/time',
			['-v', nodeBin, P.N8N_BIN, 'execute', `--id=${id}`, '--rawOutput'],
			{ cwd: home, env, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		const out = [];
		const err = [];
		child.stdout.on('data', (c) => out.push(c));
		child.stderr.on('data', (c) => err.push(c));
		child.on('error', reject);
		child.on('close', (exitCode) =>
			resolve({
				code: exitCode,
				stdout: Buffer.concat(out).toString(),
				stderr: Buffer.concat(err).toString(),
			}),
		);
	});
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const peakKiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]);
	const run = parseRun(stdout);
	// n8n 2.41's CLI now and then dies of SIGSEGV while shutting down after a finished run; the
	// run's output and the process's peak memory are complete by then, so only that is forgiven.
	const finished = run?.finished === true && run?.status === 'success';
	if (code !== 0 && !(finished && /terminated by signal 11/.test(stderr))) {
		const log = path.join(workDir, `${id}.failed.log`);
		fs.writeFileSync(log, `${stdout}\n--- stderr ---\n${stderr}`);
		throw new Error(`n8n execute ${id} exited ${code}; its output is in ${log}`);
	}
	const upload = run.data.resultData.runData.Upload?.[0];
	if (upload?.error) throw new Error(`${id}: ${upload.error.message}`);
	return { ms, peakMiB: peakKiB / 1024, uploadMs: upload?.executionTime };
}

async function takeObject(control, key, sha) {
	const url = `${control}/objects/${encodeURIComponent(key)}`;
	const stored = await (await fetch(url)).json();
	await fetch(url, { method: 'DELETE' });
	if (stored.sha256 !== sha) throw new Error(`${key} arrived corrupted or not at all`);
}

async function comparePeers(settings) {
	const log = path.join(workDir, 'setup.log');
	fs.mkdirSync(workDir, { recursive: true });
	await ensureN8n({ log });
	const home = path.join(workDir, 'home');
	await prepareHome(home, { log, tarball: await packPackage(path.join(workDir, 'pack'), log) });
	const storage = await startStorageProcess();
	const results = [];
	try {
		const plans = [];
		for (const size of settings.n8nBytes) {
			const file = path.join(home, 'files', `pattern-${size}.bin`);
			await pipeline(patternStream(size, 1), fs.createWriteStream(file));
			const base = { control: storage.control, size, file };
			const ids = {
				baseline: `bench-${size}-baseline`,
				ours: `bench-${size}-ours`,
				peer: `bench-${size}-peer`,
			};
			plans.push({
				size,
				ids,
				workflows: [
					workflow(ids.baseline, { ...base, key: `n8n/${ids.baseline}` }),
					workflow(ids.ours, { ...base, key: `n8n/${ids.ours}` }, OURS.node),
					workflow(ids.peer, { ...base, key: `n8n/${ids.peer}` }, PEER.node),
				],
			});
		}
		await importAll(home, { credentials: [], workflows: plans.flatMap((p) => p.workflows), log });
		for (const plan of plans) {
			const sha = patternSha256(plan.size, 1);
			const runs = { baseline: [], ours: [], peer: [] };
			for (let run = 0; run < settings.n8nRuns; run++) {
				for (const which of ['baseline', 'ours', 'peer']) {
					runs[which].push(await execute(home, plan.ids[which]));
					if (which !== 'baseline')
						await takeObject(storage.control, `n8n/${plan.ids[which]}`, sha);
				}
			}
			const baselinePeak = median(runs.baseline.map((r) => r.peakMiB));
			const summary = (label, list) => ({
				label,
				ms: median(list.map((r) => r.ms)),
				uploadMs: median(list.map((r) => r.uploadMs)),
				peakMiB: median(list.map((r) => r.peakMiB)),
				growthMiB: Math.max(0, median(list.map((r) => r.peakMiB)) - baselinePeak),
			});
			const ours = summary(OURS.label, runs.ours);
			const peer = summary(PEER.label, runs.peer);
			results.push({
				sizeMiB: plan.size / MiB,
				runs: settings.n8nRuns,
				baseline: { ms: median(runs.baseline.map((r) => r.ms)), peakMiB: baselinePeak },
				ours,
				peer,
				wallRatio: peer.ms / ours.ms,
				uploadRatio: peer.uploadMs / ours.uploadMs,
				rssRatio: peer.growthMiB / Math.max(1, ours.growthMiB),
			});
			console.log(
				`real n8n ${plan.size / MiB} MiB: ours ${(ours.ms / 1000).toFixed(1)} s +${ours.growthMiB.toFixed(0)} MiB, HTTP Request ${(peer.ms / 1000).toFixed(1)} s +${peer.growthMiB.toFixed(0)} MiB`,
			);
		}
	} finally {
		storage.child.kill();
	}
	return results;
}

module.exports = { comparePeers };
