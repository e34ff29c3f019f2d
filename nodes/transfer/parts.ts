import type { Readable } from 'node:stream';

import type { ByteTap } from './hash';

export interface Part {
	partNumber: number;
	body: Buffer;
}

/**
 * Cuts a stream into parts of exactly `partSize` bytes (the last one shorter), whatever chunk
 * sizes the stream yields. Each byte is copied once into a part-sized buffer of its own, so no
 * part pins the stream's larger buffers. An empty file yields one empty part.
 */
export async function* cutIntoParts(
	stream: Readable,
	partSize: number,
	tap: ByteTap,
): AsyncGenerator<Part> {
	let partNumber = 1;
	let current = Buffer.allocUnsafeSlow(partSize);
	let filled = 0;
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		tap.update(chunk);
		let offset = 0;
		while (offset < chunk.length) {
			const copied = chunk.copy(
				current,
				filled,
				offset,
				Math.min(chunk.length, offset + partSize - filled),
			);
			filled += copied;
			offset += copied;
			if (filled === partSize) {
				yield { partNumber: partNumber++, body: current };
				current = Buffer.allocUnsafeSlow(partSize);
				filled = 0;
			}
		}
	}
	if (filled > 0 || partNumber === 1) yield { partNumber, body: current.subarray(0, filled) };
}
