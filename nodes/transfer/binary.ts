import { BINARY_ENCODING, type IExecuteFunctions } from 'n8n-workflow';
import { Readable } from 'node:stream';

import { InputError } from './errors';

/** n8n reads stored binaries in chunks of this size; the engine re-chunks where it must. */
const READ_CHUNK_BYTES = 1024 * 1024;

export interface BinarySource {
	size: number;
	mimeType: string;
	fileName: string;
	/** A fresh stream of the whole file; each retry of a streamed request opens a new one. */
	open(): Promise<Readable>;
}

/**
 * The item's binary as a re-openable stream. A binary with an id lives in n8n's binary store
 * and is streamed from it; only an inline binary (base64 in the item) is already in memory.
 */
export async function readBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
): Promise<BinarySource> {
	const binary = ctx.helpers.assertBinaryData(itemIndex, propertyName);
	const mimeType = binary.mimeType || 'application/octet-stream';
	const fileName = binary.fileName ?? 'file';
	if (binary.id) {
		const id = binary.id;
		const metadata = await ctx.helpers.getBinaryMetadata(id).catch(() => undefined);
		if (!metadata) {
			throw new InputError(
				propertyName,
				`The binary "${propertyName}" points at stored data n8n no longer has`,
				"The file was removed from n8n's binary store, for example by pruning old executions. Produce it again in this execution.",
			);
		}
		const { fileSize } = metadata;
		return {
			size: fileSize,
			mimeType,
			fileName,
			open: async () => await ctx.helpers.getBinaryStream(id, READ_CHUNK_BYTES),
		};
	}
	if (typeof binary.data !== 'string') {
		throw new InputError(
			propertyName,
			`The binary "${propertyName}" holds no data`,
			"The previous node made a binary field without a file in it. Check that node's output in the Binary tab.",
		);
	}
	const buffer = Buffer.from(binary.data, BINARY_ENCODING);
	return {
		size: buffer.length,
		mimeType,
		fileName,
		open: async () => Readable.from(buffer.length ? [buffer] : []),
	};
}
