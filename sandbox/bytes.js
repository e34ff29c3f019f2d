'use strict';
// Deterministic test files of any size: the same (size, seed) always gives the same bytes, so a
// file can be streamed into n8n and its SHA-256 known without keeping it anywhere.
const { createHash } = require('node:crypto');
const { Readable } = require('node:stream');

const CHUNK = 1024 * 1024;

function* patternChunks(size, seed = 1) {
	let state = (seed * 2654435761) >>> 0 || 1;
	for (let offset = 0; offset < size; offset += CHUNK) {
		const length = Math.min(CHUNK, size - offset);
		const chunk = Buffer.allocUnsafe(length);
		let i = 0;
		for (; i + 4 <= length; i += 4) {
			state ^= state << 13;
			state ^= state >>> 17;
			state ^= state << 5;
			chunk.writeUInt32LE(state >>> 0, i);
		}
		for (; i < length; i++) chunk[i] = (state >>> (8 * (i % 4))) & 0xff;
		yield chunk;
	}
}

function patternStream(size, seed) {
	return Readable.from(patternChunks(size, seed));
}

function patternBuffer(size, seed) {
	return Buffer.concat([...patternChunks(size, seed)], size);
}

function patternSha256(size, seed) {
	const hash = createHash('sha256');
	for (const chunk of patternChunks(size, seed)) hash.update(chunk);
	return hash.digest('hex');
}

module.exports = { patternStream, patternBuffer, patternSha256 };
