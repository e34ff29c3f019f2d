import { pipeline } from 'node:stream';

import type { BinarySource } from './binary';
import { ByteTap, type Digest } from './hash';
import { header, type Transport } from './transport';
import { withRetry } from './retry';
import type { PutTarget } from './types';

/** One presigned PUT: exactly the target's headers plus the real Content-Length, body streamed. */
export async function putFile(
	transport: Transport,
	target: PutTarget,
	source: BinarySource,
): Promise<Digest & { etag?: string }> {
	return await withRetry(async () => {
		const tap = new ByteTap({ expected: source.size });
		pipeline(await source.open(), tap, () => {});
		const response = await transport
			.send({
				method: 'PUT',
				url: target.url,
				headers: { ...target.headers, 'Content-Length': String(source.size) },
				body: tap,
			})
			.catch(async (error: unknown) => await Promise.reject(tap.failure ?? error));
		return { ...tap.digest(), etag: header(response, 'etag') };
	}, transport.retry);
}
