import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

import { TransferError } from './errors';
import { lengthMismatch } from './length';

export interface Digest {
	sha256: string;
	sha256Base64: string;
}

/**
 * Counts and hashes the bytes that flow through it, so a file is hashed while it moves. With a
 * `limit`, a stream longer than that fails as soon as it passes it. With `expected`, a stream
 * that ends with another length fails as it ends: a request body cut short would otherwise leave
 * the storage waiting for the rest until the timeout.
 */
export class ByteTap extends Transform {
	bytes = 0;

	/** Why the tap failed the stream, kept for the caller whose request the failure aborted. */
	failure?: TransferError;

	private readonly hash: Hash = createHash('sha256');

	private readonly limit: number;

	private readonly expected?: number;

	constructor({ limit = Infinity, expected }: { limit?: number; expected?: number } = {}) {
		super();
		this.limit = limit;
		this.expected = expected;
	}

	_transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
		this.update(chunk);
		if (this.bytes > this.limit) {
			callback(
				this.fail(
					new TransferError(`The file is larger than the allowed ${this.limit} bytes`, {
						retryable: false,
					}),
				),
			);
			return;
		}
		callback(null, chunk);
	}

	_flush(callback: TransformCallback): void {
		const ended = this.expected === undefined || this.bytes === this.expected;
		callback(ended ? null : this.fail(lengthMismatch(this.bytes, this.expected!)));
	}

	private fail(error: TransferError): TransferError {
		this.failure = error;
		return error;
	}

	update(chunk: Buffer): void {
		this.bytes += chunk.length;
		this.hash.update(chunk);
	}

	digest(): Digest {
		const raw = this.hash.digest();
		return { sha256: raw.toString('hex'), sha256Base64: raw.toString('base64') };
	}
}
