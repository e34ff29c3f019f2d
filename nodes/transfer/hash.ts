import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

import { TransferError } from './errors';

export interface Digest {
	sha256: string;
	sha256Base64: string;
}

/**
 * Counts and hashes the bytes that flow through it, so a file is hashed while it moves. With a
 * `limit`, a stream longer than that fails as soon as it passes it.
 */
export class ByteTap extends Transform {
	bytes = 0;

	private readonly hash: Hash = createHash('sha256');

	constructor(private readonly limit = Infinity) {
		super();
	}

	_transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
		this.update(chunk);
		if (this.bytes > this.limit) {
			callback(
				new TransferError(`The file is larger than the allowed ${this.limit} bytes`, {
					retryable: false,
				}),
			);
			return;
		}
		callback(null, chunk);
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
