'use strict';
// `npm run bench [-- --quick]`: each scenario of bench/scenarios.js uploads the same file with our
// node (real n8n engine, one fresh process per run, bench/upload-once.js) and with its reference
// client (bench/references.js) into the strict storage sandbox, which runs in a process of its
// own; then the real-n8n comparison (bench/n8n-peers.js). Results go to bench/results/ (the
// quick run's to .cache/bench/) and the README's table. A missed target is reported with its
// margin, never as a failure: only a broken harness exits non-zero. Settings: bench/settings.js.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { patternSha256 } = require('../sandbox/bytes');
const references = require('./references');
const { scenarios, growthOf } = require('./scenarios');
const { settingsFrom, MiB } = require('./settings');
const { writeResults } = require('./report');
const { startStorageProcess } = require('./storage-client');
const { patternFile, workDir } = require('./files');

const root = path.resolve(__dirname, '..');

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

async function control(url, body, method) {
	const response = await fetch(url, {
		method: method ?? (body ? 'POST' : 'GET'),
		body: body ? JSON.stringify(body) : undefined,
	});
	return await response.json();
}

function runOurs(storage, size, settings, ours, key) {
	const args = [
		'--expose-gc',
		path.join(__dirname, 'upload-once.js'),
		...['--method', ours.method, '--size', String(size), '--key', key],
		...['--partSize', String(settings.partSize), '--concurrency', String(ours.concurrency ?? 1)],
		...['--mode', ours.mode ?? 'filesystem', '--control', storage.control],
		...(ours.hashFirst ? ['--hashFirst'] : []),
	];
	const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`upload-once failed:\n${result.stderr}`);
	return JSON.parse(result.stdout.trim().split('\n').pop());
}

async function runReference(storage, scenario, files, settings, key) {
	const method = scenario.ours.method;
	const request = { key, method, size: scenario.size, partSize: settings.partSize };
	const { target } = await control(`${storage.control}/presign`, request);
	if (scenario.ours.hashFirst) return await references.sha256sumThenPut(files.file, target);
	if (method === 'PUT') return await references.curlPut(files.file, target);
	if (method === 'POST') return await references.curlPost(files.file, target);
	return await references.curlMultipart(files.partFiles, target, scenario.ours.concurrency);
}

/** Checks what the storage kept against the file, then drops it. */
async function checkStored(storage, key, expectedSha) {
	const url = `${storage.control}/objects/${encodeURIComponent(key)}`;
	const stored = await control(url);
	await control(url, undefined, 'DELETE');
	if (stored.sha256 !== expectedSha) throw new Error(`${key} arrived corrupted`);
}

function runItems(storage, settings, itemsAtOnce, prefix) {
	const args = [
		path.join(__dirname, 'items-once.js'),
		...['--count', String(settings.items), '--size', String(settings.itemBytes)],
		...['--itemsAtOnce', String(itemsAtOnce), '--latency', String(settings.itemLatencyMs)],
		...['--control', storage.control, '--prefix', prefix],
	];
	const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`items-once failed:\n${result.stderr}`);
	return JSON.parse(result.stdout.trim().split('\n').pop());
}

/** Items at Once N against 1: the same items, the same latency, alternating. */
async function measureItems(storage, scenario, settings) {
	const ours = [];
	const reference = [];
	for (let run = 0; run < settings.runs; run++) {
		reference.push(runItems(storage, settings, 1, `bench/items-1-${run}`));
		ours.push(runItems(storage, settings, settings.itemsAtOnce, `bench/items-n-${run}`));
	}
	for (let run = 0; run < settings.runs; run++)
		for (const prefix of [`bench/items-1-${run}`, `bench/items-n-${run}`])
			for (let index = 0; index < settings.items; index++)
				await control(
					`${storage.control}/objects/${encodeURIComponent(`${prefix}/${index}.bin`)}`,
					undefined,
					'DELETE',
				);
	const oursMs = median(ours.map((r) => r.uploadMs));
	const referenceMs = median(reference.map((r) => r.uploadMs));
	const measured = {
		ratio: referenceMs / oursMs,
		inOrder: [...ours, ...reference].every((r) => r.inOrder),
	};
	const mib = scenario.size / MiB;
	return {
		id: scenario.id,
		title: scenario.title,
		sizeMiB: mib,
		runs: settings.runs,
		ours: { ms: oursMs, mibPerS: mib / (oursMs / 1000) },
		reference: { client: scenario.reference, ms: referenceMs, mibPerS: mib / (referenceMs / 1000) },
		ratio: measured.ratio,
		targets: scenario.targets(measured),
		allMs: { ours: ours.map((r) => r.uploadMs), reference: reference.map((r) => r.uploadMs) },
	};
}

async function measure(storage, scenario, settings, flatGrowthMiB) {
	if (scenario.kind === 'items') return await measureItems(storage, scenario, settings);
	const files = await patternFile(
		scenario.size,
		scenario.ours.method === 'MULTIPART' && settings.partSize,
	);
	const sha = patternSha256(scenario.size, 1);
	const ours = [];
	const reference = [];
	for (let run = 0; run < settings.runs; run++) {
		const refKey = `bench/${scenario.id}-reference-${run}.bin`;
		reference.push((await runReference(storage, scenario, files, settings, refKey)).ms);
		await checkStored(storage, refKey, sha);
		const key = `bench/${scenario.id}-ours-${run}.bin`;
		const result = runOurs(storage, scenario.size, settings, scenario.ours, key);
		if (result.sha256 !== sha) throw new Error(`${scenario.title}: our digest is wrong`);
		await checkStored(storage, key, sha);
		ours.push(result);
	}
	const oursMs = median(ours.map((r) => r.uploadMs));
	const referenceMs = median(reference);
	const measured = {
		ratio: referenceMs / oursMs,
		growthMiB: median(growthOf(ours)),
		flatGrowthMiB,
	};
	return {
		id: scenario.id,
		title: scenario.title,
		sizeMiB: scenario.size / MiB,
		runs: settings.runs,
		ours: {
			ms: oursMs,
			mibPerS: scenario.size / MiB / (oursMs / 1000),
			rssGrowthMiB: measured.growthMiB,
		},
		reference: {
			client: scenario.reference,
			ms: referenceMs,
			mibPerS: scenario.size / MiB / (referenceMs / 1000),
		},
		ratio: measured.ratio,
		targets: scenario.targets(measured),
		allMs: { ours: ours.map((r) => r.uploadMs), reference },
	};
}

/** RSS growth of our PUT at the small size: the constant every memory target allows for. */
async function flatGrowth(storage, settings) {
	const growth = [];
	for (let run = 0; run < settings.runs; run++) {
		const key = `bench/flat-${run}.bin`;
		growth.push(
			...growthOf([runOurs(storage, settings.flatBytes, settings, { method: 'PUT' }, key)]),
		);
		await control(`${storage.control}/objects/${encodeURIComponent(key)}`, undefined, 'DELETE');
	}
	return median(growth);
}

function machine() {
	const cpus = os.cpus();
	return {
		cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
		memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
		node: process.version,
		curl: spawnSync('curl', ['--version'], { encoding: 'utf8' }).stdout.split(' ')[1],
		loadAtStart: os
			.loadavg()
			.map((l) => l.toFixed(2))
			.join(' '),
	};
}

async function main() {
	const settings = settingsFrom();
	const started = Date.now();
	const info = machine();
	const storage = await startStorageProcess();
	const rows = [];
	let peers = [];
	try {
		const flatGrowthMiB = await flatGrowth(storage, settings);
		for (const scenario of scenarios(settings)) {
			if (settings.only && !settings.only.includes(scenario.id)) continue;
			const row = await measure(storage, scenario, settings, flatGrowthMiB);
			rows.push(row);
			console.log(
				`${row.title}: ours ${row.ours.mibPerS.toFixed(0)} MiB/s, ${row.reference.client} ${row.reference.mibPerS.toFixed(0)} MiB/s, ${row.ratio.toFixed(2)}×, RSS +${row.ours.rssGrowthMiB?.toFixed(0) ?? '-'} MiB`,
			);
		}
	} finally {
		storage.child.kill();
	}
	let peersError;
	if (settings.n8nBytes.length && (!settings.only || settings.only.includes('n8n'))) {
		const { comparePeers } = require('./n8n-peers');
		// The scenarios' results are kept and written even when real n8n cannot be run.
		peers = await comparePeers(settings).catch((error) => {
			peersError = error;
			return [];
		});
	}
	// The reliability load run (300 items of 1 MiB through two providers with injected failures);
	// `npm test` runs it with fewer items.
	let loadFailed = false;
	if (!settings.quick && (!settings.only || settings.only.includes('load'))) {
		const load = spawnSync(process.execPath, [path.join(__dirname, 'load.js')], {
			stdio: 'inherit',
			env: process.env,
		});
		loadFailed = load.status !== 0;
	}
	info.loadAtEnd = os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(' ');
	info.durationS = Math.round((Date.now() - started) / 1000);
	const written = writeResults(
		{ settings, machine: info, rows, peers, peersError: peersError?.message },
		{ root, workDir },
	);
	console.log(`\n${written.markdown}\nResults: ${written.files.join(', ')}`);
	if (peersError) throw peersError;
	if (loadFailed) throw new Error('the reliability load run failed (bench/load.js)');
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
