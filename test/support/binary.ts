import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IBinaryData } from 'n8n-workflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternSha256 } = require('../../sandbox/bytes');

/** The SHA-256 of an n8n binary's bytes, read from n8n's store in filesystem mode or inline. */
export function binarySha256(binary: IBinaryData | undefined): string | undefined {
	if (!binary) return undefined;
	let bytes: Buffer;
	if (binary.id) {
		/* eslint-disable @typescript-eslint/no-require-imports */
		const { Container } = require('@n8n/di');
		const { BinaryDataService } = require('n8n-core');
		/* eslint-enable @typescript-eslint/no-require-imports */
		bytes = readFileSync(Container.get(BinaryDataService).getPath(binary.id));
	} else {
		bytes = Buffer.from(binary.data, 'base64');
	}
	return createHash('sha256').update(bytes).digest('hex');
}

/** The SHA-256 of the test source's file for item `seed - 1` (test/support/test-nodes.ts). */
export const sourceSha256 = (size: number, seed: number): string => patternSha256(size, seed);
