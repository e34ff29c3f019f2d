'use strict';
// Many small items in a fresh process: --count items of --size bytes (each its own file) go
// through the Presigned Upload node with --itemsAtOnce, while the storage answers every request
// --latency ms late, as a remote API would. Prints JSON: the upload node's time, and whether the
// output kept the input's order, pairedItem and every file's SHA-256. --cpuProfile <file> writes a
// CPU profile of the upload node alone (bench/profile-summary.js reads it).
const { parseArgs } = require('node:util');

const { patternSha256 } = require('../sandbox/bytes');
const { profileUploadNode } = require('./profile-summary');

const { values } = parseArgs({
	options: {
		count: { type: 'string' },
		size: { type: 'string' },
		itemsAtOnce: { type: 'string' },
		latency: { type: 'string', default: '20' },
		control: { type: 'string' },
		prefix: { type: 'string' },
		cpuProfile: { type: 'string' },
	},
});

async function control(path, body) {
	const response = await fetch(`${values.control}${path}`, {
		method: 'POST',
		body: JSON.stringify(body),
	});
	return await response.json();
}

async function main() {
	const count = Number(values.count);
	const size = Number(values.size);
	const { startEngine } = require('../.cache/bench-build/test/support/engine');
	const engine = await startEngine('filesystem');
	try {
		const perItem = [];
		for (let index = 0; index < count; index++) {
			const key = `${values.prefix}/${index}.bin`;
			perItem.push({ key, target: (await control('/presign', { key, method: 'PUT' })).target });
		}
		await control('/latency', { ms: Number(values.latency) });
		const run = await profileUploadNode(values.cpuProfile, () =>
			engine.run({
				nodes: [
					{ name: 'Source', type: 'binarySource', parameters: { count, size, perItem } },
					{
						name: 'Upload',
						type: 'presignedUpload',
						parameters: {
							target: '={{ $json.target }}',
							options: { itemsAtOnce: Number(values.itemsAtOnce) },
						},
					},
				],
			}),
		);
		await control('/latency', { ms: 0 });
		const upload = run.raw.data.resultData.runData.Upload[0];
		if (upload.error) throw new Error(upload.error.message);
		const output = upload.data.main[0];
		const inOrder =
			output.length === count &&
			output.every(
				(item, index) =>
					item.json.index === index &&
					item.pairedItem?.item === index &&
					item.json.upload.sha256 === patternSha256(size, index + 1),
			);
		process.stdout.write(`${JSON.stringify({ uploadMs: upload.executionTime, inOrder })}\n`);
	} finally {
		engine.dispose();
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack}\n`);
	process.exit(1);
});
