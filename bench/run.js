'use strict';
// `npm run bench`: uploads a large file through the real n8n engine into the strict storage
// sandbox, one fresh process per run, and compares with curl sending the same file to the same
// kind of presigned URL. Checks the targets below and exits non-zero when one is missed.
//   BENCH_SIZE_MIB (default 256), BENCH_RUNS (default 3)
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { pipeline } = require('node:stream/promises');

const { patternStream, patternSha256 } = require('../sandbox/bytes');

const MiB = 1024 * 1024;
const SIZE = Number(process.env.BENCH_SIZE_MIB || 256) * MiB;
const RUNS = Number(process.env.BENCH_RUNS || 3);
const PART_SIZE = 8 * MiB;
const root = path.resolve(__dirname, '..');
const workDir = path.join(root, '.cache', 'bench');

/** Targets: streaming keeps memory flat; the engine is not much slower than curl. */
const TARGETS = {
	streamedGrowthMiB: 96,
	multipartGrowthMiB: (concurrency) => (concurrency + 2) * (PART_SIZE / MiB) + 96,
	minShareOfCurlThroughput: 0.5,
};

const SCENARIOS = [
	{ name: 'PUT (streamed)', method: 'PUT', concurrency: 1 },
	{ name: 'POST form (streamed)', method: 'POST', concurrency: 1 },
	{ name: 'MULTIPART 8 MiB x 4', method: 'MULTIPART', concurrency: 4 },
	{ name: 'MULTIPART 8 MiB x 1', method: 'MULTIPART', concurrency: 1 },
];

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

async function startStorageProcess() {
	const child = spawn(process.execPath, [path.join(__dirname, 'storage-process.js')], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const line = await new Promise((resolve) =>
		readline.createInterface({ input: child.stdout }).once('line', resolve),
	);
	return { child, ...JSON.parse(line) };
}

async function control(url, body) {
	const response = await fetch(
		url,
		body ? { method: 'POST', body: JSON.stringify(body) } : undefined,
	);
	return await response.json();
}

function runNode(args) {
	const result = spawnSync(
		process.execPath,
		['--expose-gc', path.join(__dirname, 'upload-once.js'), ...args],
		{ encoding: 'utf8' },
	);
	if (result.status !== 0) throw new Error(`upload-once failed:\n${result.stderr}`);
	return JSON.parse(result.stdout.trim().split('\n').pop());
}

async function runCurl(storage, file, key) {
	const { target } = await control(`${storage.control}/presign`, {
		key,
		method: 'PUT',
		size: SIZE,
	});
	const started = process.hrtime.bigint();
	const result = spawnSync('curl', [
		'-sS',
		'-f',
		'-o',
		'/dev/null',
		'-T',
		file,
		'-H',
		'Expect:',
		target.url,
	]);
	if (result.status !== 0) throw new Error(`curl failed: ${result.stderr}`);
	return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main() {
	fs.mkdirSync(workDir, { recursive: true });
	const file = path.join(workDir, `pattern-${SIZE}.bin`);
	if (!fs.existsSync(file) || fs.statSync(file).size !== SIZE)
		await pipeline(patternStream(SIZE, 1), fs.createWriteStream(file));
	const expectedSha = patternSha256(SIZE, 1);
	const storage = await startStorageProcess();
	const rows = [];
	let failures = 0;
	try {
		const curlMs = [];
		for (let run = 0; run < RUNS; run++) {
			const key = `bench/curl-${run}.bin`;
			curlMs.push(await runCurl(storage, file, key));
			const stored = await control(`${storage.control}/objects/${encodeURIComponent(key)}`);
			if (stored.sha256 !== expectedSha) throw new Error('curl upload arrived corrupted');
		}
		const curlThroughput = SIZE / MiB / (median(curlMs) / 1000);
		rows.push({
			scenario: 'curl -T (PUT)',
			ms: median(curlMs),
			throughput: curlThroughput,
			growth: undefined,
			verdict: 'baseline',
		});

		for (const scenario of SCENARIOS) {
			const results = [];
			for (let run = 0; run < RUNS; run++) {
				const key = `bench/${scenario.method}-${scenario.concurrency}-${run}.bin`;
				results.push(
					runNode([
						'--method',
						scenario.method,
						'--size',
						String(SIZE),
						'--partSize',
						String(PART_SIZE),
						'--concurrency',
						String(scenario.concurrency),
						'--control',
						storage.control,
						'--key',
						key,
					]),
				);
				const stored = await control(`${storage.control}/objects/${encodeURIComponent(key)}`);
				if (stored.sha256 !== expectedSha || results[run].sha256 !== expectedSha)
					throw new Error(`${scenario.name} arrived corrupted`);
			}
			const ms = median(results.map((result) => result.uploadMs));
			const growth = median(results.map((result) => (result.peakRss - result.rssBefore) / MiB));
			const throughput = SIZE / MiB / (ms / 1000);
			const growthLimit =
				scenario.method === 'MULTIPART'
					? TARGETS.multipartGrowthMiB(scenario.concurrency)
					: TARGETS.streamedGrowthMiB;
			const fastEnough =
				scenario.method !== 'PUT' ||
				throughput >= TARGETS.minShareOfCurlThroughput * curlThroughput;
			const ok = growth <= growthLimit && fastEnough;
			if (!ok) failures++;
			rows.push({
				scenario: scenario.name,
				ms,
				throughput,
				growth,
				verdict: `${ok ? 'ok' : 'MISSED'} (memory <= ${growthLimit} MiB${scenario.method === 'PUT' ? `, >= ${TARGETS.minShareOfCurlThroughput * 100}% of curl` : ''})`,
			});
		}
	} finally {
		storage.child.kill();
	}

	console.log(
		`\nUpload of ${SIZE / MiB} MiB to the strict storage sandbox on loopback, median of ${RUNS} runs, SHA-256 verified on the storage side\n`,
	);
	console.log(
		`${'scenario'.padEnd(24)} ${'ms'.padStart(7)} ${'MiB/s'.padStart(7)} ${'RSS growth MiB'.padStart(15)}  target`,
	);
	for (const row of rows) {
		const growth = row.growth === undefined ? '-' : row.growth.toFixed(0);
		console.log(
			`${row.scenario.padEnd(24)} ${row.ms.toFixed(0).padStart(7)} ${row.throughput.toFixed(0).padStart(7)} ${growth.padStart(15)}  ${row.verdict}`,
		);
	}
	fs.writeFileSync(
		path.join(workDir, 'results.json'),
		JSON.stringify({ size: SIZE, runs: RUNS, rows }, null, 2),
	);
	process.exit(failures ? 1 : 0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
