import type { IExecuteFunctions } from 'n8n-workflow';

import { readBinary } from './binary';
import { ByteTap, type Digest } from './hash';
import { assertStreamedWhole } from './length';
import { throwIfCancelled } from './retry';

export interface BinaryDigest extends Digest {
	bytes: number;
	mimeType: string;
	fileName: string;
}

/**
 * The SHA-256 and size of the item's binary before it is uploaded, for providers that want them
 * announced. A stored binary is streamed through the hash, never loaded whole.
 */
export async function digestBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	binaryPropertyName: string,
): Promise<BinaryDigest> {
	const source = await readBinary(ctx, itemIndex, binaryPropertyName);
	const signal = ctx.getExecutionCancelSignal?.();
	const tap = new ByteTap();
	for await (const chunk of (await source.open()) as AsyncIterable<Buffer>) {
		throwIfCancelled(signal);
		tap.update(chunk);
	}
	assertStreamedWhole(tap.bytes, source.size);
	return {
		bytes: tap.bytes,
		...tap.digest(),
		mimeType: source.mimeType,
		fileName: source.fileName,
	};
}
