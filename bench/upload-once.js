'use strict';
// One measured upload in a fresh process: a file of --size bytes is made by a source node in
// n8n's binary store (--mode filesystem, the default) or inline in the item (--mode default),
// then the Presigned Upload node sends it through the real engine; with --hashFirst, after
// reading it once for its SHA-256, as a provider that wants the hash announced does. Prints
// JSON: the upload node's execution time, and the process's resident memory as the upload node
// started (after a garbage collection) and at its peak while it ran (sampled every 10 ms).
const { parseArgs } = require('node:util');

const { profileUploadNode } = require('./profile-summary');

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
		hashFirst: { type: 'boolean', default: false },
	},
});

async function presign(body) {
	const response = await fetch(`${values.control}/presign`, {
		method: 'POST',
		body: JSON.stringify(body),
	});
	return (await response.json()).target;
}

/**
 * Resident memory from the moment the upload node starts, after a garbage collection (so what
 * the source node left behind is not counted as freed by the upload), sampled every 10 ms.
 */
function measureUploadNode() {
	const memory = { rssBefore: 0, peakRss: 0 };
	let timer;
	const mod = require('../.cache/bench-build/nodes/PresignedUpload/PresignedUpload.node');
	const { digestBinary } = require('../.cache/bench-build/nodes/transfer');
	const Node = mod.PresignedUpload;
	mod.PresignedUpload = class extends Node {
		constructor() {
			super();
			const execute = this.execute;
			this.execute = async function (...args) {
				if (memory.armed) {
					global.gc?.();
					memory.rssBefore = memory.peakRss = process.memoryUsage.rss();
					const sample = () =>
						(memory.peakRss = Math.max(memory.peakRss, process.memoryUsage.rss()));
					timer = setInterval(sample, 10);
				}
				// --hashFirst: the SHA-256 a provider wants announced, read before the upload.
				if (memory.armed && values.hashFirst)
					memory.digest = (await digestBinary(this, 0, 'data')).sha256;
				return await execute.apply(this, args);
			};
		}
	};
	return {
		arm: () => (memory.armed = true),
		stop() {
			clearInterval(timer);
			memory.peakRss = Math.max(memory.peakRss, process.memoryUsage.rss());
			return { rssBefore: memory.rssBefore, peakRss: memory.peakRss, digest: memory.digest };
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

async function main() {
	const size = Number(values.size);
	const memory = measureUploadNode();
	const { startEngine } = require('../.cache/bench-build/test/support/engine');
	const engine = await startEngine(values.mode);
	try {
		const target = await presign({
			key: values.key,
			method: values.method,
			size,
			partSize: Number(values.partSize),
		});
		await warmUp(engine);

		memory.arm();
		const run = await profileUploadNode(
			values.cpuProfile,
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
		const { digest, ...rss } = memory.stop();
		const upload = run.raw.data.resultData.runData.Upload[0];
		if (upload.error) throw new Error(upload.error.message);
		const sha256 = upload.data.main[0][0].json.upload.sha256;
		if (values.hashFirst && digest !== sha256) throw new Error('the digest read first is wrong');
		process.stdout.write(`${JSON.stringify({ uploadMs: upload.executionTime, ...rss, sha256 })}\n`);
	} finally {
		engine.dispose();
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack}\n`);
	process.exit(1);
});
