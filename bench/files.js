'use strict';
// The bench's input files under .cache/bench: the pattern file of a size, made once, and its
// parts as files of their own for the curl references.
const fs = require('node:fs');
const path = require('node:path');
const { pipeline } = require('node:stream/promises');

const { patternStream } = require('../sandbox/bytes');

const workDir = path.resolve(__dirname, '..', '.cache', 'bench');

/** The pattern file of `size` bytes, made once; its parts as files too when `partSize` is given. */
async function patternFile(size, partSize) {
	fs.mkdirSync(workDir, { recursive: true });
	const file = path.join(workDir, `pattern-${size}.bin`);
	if (!fs.existsSync(file) || fs.statSync(file).size !== size)
		await pipeline(patternStream(size, 1), fs.createWriteStream(file));
	if (!partSize) return { file };
	const dir = path.join(workDir, `parts-${size}-${partSize}`);
	const count = Math.max(1, Math.ceil(size / partSize));
	const partFiles = Array.from({ length: count }, (_, i) => path.join(dir, `part-${i + 1}`));
	if (!partFiles.every((part) => fs.existsSync(part))) {
		fs.mkdirSync(dir, { recursive: true });
		for (const [i, part] of partFiles.entries()) {
			const end = Math.min(size, (i + 1) * partSize) - 1;
			await pipeline(
				fs.createReadStream(file, { start: i * partSize, end }),
				fs.createWriteStream(part),
			);
		}
	}
	return { file, partFiles };
}

module.exports = { patternFile, workDir };
