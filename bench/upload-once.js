'use strict';
// One measured upload in a fresh process: a file of --size bytes is made by a source node in
// n8n's binary store (--mode filesystem, the default) or inline in the item (--mode default),
// then the Presigned Upload node sends it through the real engine. Prints JSON: the upload
// node's execution time, and the process's resident memory as the upload node started and at
// its peak while it ran (sampled every 10 ms).
const { parseArgs } = require('node:util');

const { values } = parseArgs({
	options: {
		method: { type: 'string' },
		size: { type: 'string' },
		partSize: { type: 'string', default: String(8 * 1024 * 1024) },
		concurrency: { type: 'string', default: '4' },
		mode: { type: 'string', default: 'filesystem' },
		control: { type: 'string' },
		key: { type: 'string' },
		cpuProfile: { type: 'string' },
	},
});

async function presign(body) {
	const response = await fetch(`${values.control}/presign`, {
		method: 'POST',
		body: JSON.stringify(body),
	});
	return (await response.json()).target;
}

/** Resident memory every 10 ms; `during(from, to)` is the last sample before `from` and the peak up to `to`. */
function sampleRss() {
	const samples = [[Date.now(), process.memoryUsage.rss()]];
	const timer = setInterval(() => samples.push([Date.now(), process.memoryUsage.rss()]), 10);
	return {
		stop: () => {
			clearInterval(timer);
			samples.push([Date.now(), process.memoryUsage.rss()]);
		},
		during(from, to) {
			const before = samples.filter(([at]) => at <= from);
			const start = (before.at(-1) ?? samples[0])[1];
			const within = samples.filter(([at]) => at >= from && at <= to + 10).map(([, rss]) => rss);
			return { rssBefore: start, peakRss: Math.max(start, ...within) };
		},
	};
}

/** n8n is a long-running server: one small upload first, so lazy loading is not measured. */
async function warmUp(engine) {
	const target = await presign({ key: `${values.key}.warm-up`, method: 'PUT', size: 1024 });
	await engine.run({
		nodes: [
			{ name: 'Source', type: 'binarySource', parameters: { size: 1024 } },
			{ name: 'Upload', type: 'presignedUpload', parameters: { target } },
		],
	});
}

/**
 * With --cpuProfile <file>: a CPU profile of this process while the upload node ran, without the
 * source node that made the file before it.
 */
async function profiled(runWorkflow) {
	if (!values.cpuProfile) return await runWorkflow();
	const { Session } = require('node:inspector/promises');
	const { withinWindow } = require('./profile-summary');
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', { interval: 500 });
	const startedAt = Date.now();
	await session.post('Profiler.start');
	const run = await runWorkflow();
	const { profile } = await session.post('Profiler.stop');
	session.disconnect();
	const upload = run.raw.data.resultData.runData.Upload[0];
	const fromUs = (upload.startTime - startedAt) * 1000;
	const window = withinWindow(profile, fromUs, fromUs + upload.executionTime * 1000);
	require('node:fs').writeFileSync(values.cpuProfile, JSON.stringify(window));
	return run;
}

async function main() {
	const size = Number(values.size);
	const { startEngine } = require('../.cache/bench-build/test/support/engine');
	const engine = await startEngine(values.mode);
	const target = await presign({
		key: values.key,
		method: values.method,
		size,
		partSize: Number(values.partSize),
	});
	await warmUp(engine);

	global.gc?.();
	const memory = sampleRss();
	const run = await profiled(
		async () =>
			await engine.run({
				nodes: [
					{ name: 'Source', type: 'binarySource', parameters: { size } },
					{
						name: 'Upload',
						type: 'presignedUpload',
						parameters: { target, options: { partConcurrency: Number(values.concurrency) } },
					},
				],
			}),
	);
	memory.stop();
	const upload = run.raw.data.resultData.runData.Upload[0];
	if (upload.error) throw new Error(upload.error.message);
	process.stdout.write(
		`${JSON.stringify({
			uploadMs: upload.executionTime,
			...memory.during(upload.startTime, upload.startTime + upload.executionTime),
			sha256: upload.data.main[0][0].json.upload.sha256,
		})}\n`,
	);
}

main().catch((error) => {
	process.stderr.write(`${error.stack}\n`);
	process.exit(1);
});
