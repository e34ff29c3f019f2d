import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IBinaryData } from 'n8n-workflow';

/** Where n8n's filesystem store keeps a binary's bytes. */
export function storedBinaryPath(binaryDataId: string): string {
	/* eslint-disable @typescript-eslint/no-require-imports */
	const { Container } = require('@n8n/di');
	const { BinaryDataService } = require('n8n-core');
	/* eslint-enable @typescript-eslint/no-require-imports */
	return Container.get(BinaryDataService).getPath(binaryDataId);
}

/** The SHA-256 of an n8n binary's bytes, read from n8n's store in filesystem mode or inline. */
export function binarySha256(binary: IBinaryData | undefined): string | undefined {
	if (!binary) return undefined;
	const bytes = binary.id
		? readFileSync(storedBinaryPath(binary.id))
		: Buffer.from(binary.data, 'base64');
	return createHash('sha256').update(bytes).digest('hex');
}
