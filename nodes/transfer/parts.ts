import type { Readable } from 'node:stream';

import type { ByteTap } from './hash';

export interface Part {
	partNumber: number;
	body: Buffer;
	/** Hands the part's memory back for a later part; call once the part is sent for good. */
	release(): void;
}

/**
 * Part-sized buffers, reused: a sent part's memory fills the next one. A fresh 8 MiB buffer per
 * part made V8 collect garbage over and over (external memory counts toward its heap limits),
 * which took more of the upload's CPU time than hashing and copying the bytes.
 */
export class PartBuffers {
	/** How many buffers were ever made: the most the upload held at once. */
	allocated = 0;

	private readonly free: Buffer[] = [];

	constructor(readonly partSize: number) {}

	take(): Buffer {
		const reused = this.free.pop();
		if (reused) return reused;
		this.allocated++;
		return Buffer.allocUnsafeSlow(this.partSize);
	}

	give(buffer: Buffer): void {
		this.free.push(buffer);
	}
}

/**
 * Cuts a stream into parts of exactly `partSize` bytes (the last one shorter), whatever chunk
 * sizes the stream yields. Each byte is copied once into a part-sized buffer of its own, so no
 * part pins the stream's larger buffers; a part's buffer is taken only when its first byte
 * arrives, so N workers that release a sent part before asking for the next hold N buffers. An
 * empty file yields one empty part.
 */
export async function* cutIntoParts(
	stream: Readable,
	partSize: number,
	tap: ByteTap,
	buffers = new PartBuffers(partSize),
): AsyncGenerator<Part> {
	let partNumber = 1;
	let current: Buffer | undefined;
	let filled = 0;
	const partOf = (buffer: Buffer, length: number): Part => {
		let released = false;
		return {
			partNumber: partNumber++,
			body: length === partSize ? buffer : buffer.subarray(0, length),
			release: () => {
				if (!released) buffers.give(buffer);
				released = true;
			},
		};
	};
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		tap.update(chunk);
		let offset = 0;
		while (offset < chunk.length) {
			current ??= buffers.take();
			const copied = chunk.copy(
				current,
				filled,
				offset,
				Math.min(chunk.length, offset + partSize - filled),
			);
			filled += copied;
			offset += copied;
			if (filled === partSize) {
				yield partOf(current, partSize);
				current = undefined;
				filled = 0;
			}
		}
	}
	if (filled > 0 || partNumber === 1) yield partOf(current ?? Buffer.alloc(0), filled);
}
