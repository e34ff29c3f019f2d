import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { pipeline } from 'node:stream';

import { TransferError } from './errors';
import { ByteTap, type Digest } from './hash';
import { parseHeaders, parseUrl } from './target';
import { header, wireFailure, type StreamedResponse, type Transport } from './transport';
import { withRetry } from './retry';

export interface DownloadRequest {
	/** A URL that needs no credentials, such as a presigned GET URL. */
	url: string;
	/** Extra headers, for example ones the URL was signed with. Never credentials. */
	headers?: Record<string, string>;
	/** The file name when the answer names none; the URL's last path segment otherwise. */
	fileName?: string;
	/** Overrides the answer's Content-Type. */
	mimeType?: string;
	/** When the provider said how large the file is: anything else is refused. */
	expectedBytes?: number;
	/** Refuses a larger file while it is still arriving. */
	maxBytes?: number;
}

export interface DownloadResult extends Digest {
	binary: IBinaryData;
	bytes: number;
}

function contentLength(response: StreamedResponse): number | undefined {
	const value = Number(header(response, 'content-length'));
	return Number.isInteger(value) && value >= 0 ? value : undefined;
}

function fileNameOf(response: StreamedResponse, url: string): string | undefined {
	const disposition = header(response, 'content-disposition') ?? '';
	const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
	const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1];
	const fromUrl = new URL(url).pathname.split('/').pop();
	const name = encoded ?? plain ?? fromUrl;
	if (!name) return undefined;
	try {
		return decodeURIComponent(name.trim());
	} catch {
		return name.trim();
	}
}

function mimeTypeOf(response: StreamedResponse): string | undefined {
	const value = header(response, 'content-type')?.split(';')[0].trim();
	return value && value !== 'binary/octet-stream' ? value : undefined;
}

function sizeError(message: string): TransferError {
	return new TransferError(message, {
		description:
			'Nothing was kept as the file. Run the node again; if it repeats, ask the provider.',
		retryable: false,
	});
}

function assertSize(bytes: number, expected: number | undefined, source: string): void {
	if (expected !== undefined && bytes !== expected) {
		throw sizeError(`The download has ${bytes} bytes but ${source} said ${expected}`);
	}
}

/**
 * Downloads a file into n8n's binary store, streamed (never whole in memory when n8n keeps
 * binaries on disk), hashed on the way, its size checked, retried from the start on network
 * errors and 5xx. No credentials go to the download host and no redirect is followed.
 */
export async function downloadToBinary(
	ctx: IExecuteFunctions,
	transport: Transport,
	request: DownloadRequest,
): Promise<DownloadResult> {
	const url = parseUrl(request.url, 'download URL');
	const headers = parseHeaders(request.headers ?? {}, 'download headers');
	return await withRetry(async () => {
		const response = await transport.receive({ method: 'GET', url, headers });
		const announced = contentLength(response);
		const limit = request.maxBytes ?? Infinity;
		if (announced !== undefined && announced > limit) {
			response.body.destroy();
			throw sizeError(`The download has ${announced} bytes, more than the allowed ${limit}`);
		}
		const tap = new ByteTap({ limit });
		pipeline(response.body, tap, () => {});
		const binary = await ctx.helpers
			.prepareBinaryData(
				tap,
				request.fileName ?? fileNameOf(response, url),
				request.mimeType ?? mimeTypeOf(response),
			)
			.catch((error: unknown) => {
				if (error instanceof TransferError) throw error;
				throw wireFailure({ method: 'GET', url, headers }, error, transport.signal);
			});
		assertSize(tap.bytes, announced, 'its Content-Length');
		assertSize(tap.bytes, request.expectedBytes, 'the provider');
		return { binary, bytes: tap.bytes, ...tap.digest() };
	}, transport.retry);
}
