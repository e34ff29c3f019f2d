import type { IExecuteFunctions } from 'n8n-workflow';

import { readBinary } from './binary';
import { toNodeError, TransferError, withSecretsMasked } from './errors';
import { secretsOfTarget } from './redact';
import { uploadMultipart } from './multipart';
import { objectUrlOf } from './object-url';
import { postForm } from './post-form';
import { putFile } from './put';
import { presignedUrlExpiry } from './storage-error';
import { assertTargetFits, parseTarget } from './target';
import { createTransport, expiredUrlError, type Transport } from './transport';
import { downloadToBinary, type DownloadRequest, type DownloadResult } from './download';
import {
	DEFAULT_TRANSFER_OPTIONS,
	type TransferOptions,
	type UploadResult,
	type UploadTarget,
} from './types';

export * from './types';
export * from './json';
export { parseTarget, parseUrl } from './target';
export { CancelledError, InputError, remoteError, TransferError, toNodeError } from './errors';
export { maskSecrets } from './redact';
export { presignedUrlExpiry } from './storage-error';
export { pause, retrying, type RetryPolicy } from './retry';
export { networkFailureOf, parseRetryAfter } from './transport';
export { digestBinary, type BinaryDigest } from './digest';
export type { DownloadRequest, DownloadResult } from './download';

/**
 * The size, MIME type and file name of the item's binary, without reading its bytes: for
 * providers that want the file announced before the upload.
 */
export async function describeBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	binaryPropertyName: string,
): Promise<{ bytes: number; mimeType: string; fileName: string }> {
	const source = await readBinary(ctx, itemIndex, binaryPropertyName);
	return { bytes: source.size, mimeType: source.mimeType, fileName: source.fileName };
}

/** The n8n errors of uploads that failed because their presigned URL had expired. */
const expiredUrlFailures = new WeakSet<object>();

/** Whether an upload failed only because its presigned URL had expired: a fresh URL may succeed. */
export function isExpiredUrlFailure(error: unknown): boolean {
	return typeof error === 'object' && error !== null && expiredUrlFailures.has(error);
}

const MAX_RETRY_DELAY_MS = 20_000;
/** The longest Retry-After the engine honours; a storage asking for more fails the item at once. */
const MAX_RETRY_AFTER_MS = 120_000;

function firstUrl(target: UploadTarget): string {
	return target.method === 'MULTIPART' ? target.parts[0].url : target.url;
}

/** A URL that has already expired is refused before any byte is read or sent. */
function assertNotExpired(target: UploadTarget): void {
	const url = firstUrl(target);
	const expiry = target.expiresAt ? new Date(target.expiresAt) : presignedUrlExpiry(url);
	if (expiry && !Number.isNaN(expiry.getTime()) && expiry.getTime() < Date.now()) {
		throw expiredUrlError(url, expiry.toISOString(), ', before the upload started');
	}
}

function transportFor(ctx: IExecuteFunctions, options: TransferOptions): Transport {
	return createTransport(
		ctx.helpers.httpRequest,
		{
			maxAttempts: options.maxAttempts,
			baseDelayMs: options.retryBaseDelayMs,
			maxDelayMs: MAX_RETRY_DELAY_MS,
			maxRetryAfterMs: MAX_RETRY_AFTER_MS,
			signal: ctx.getExecutionCancelSignal?.(),
		},
		options.timeoutMs,
	);
}

/**
 * Uploads the item's binary to a presigned target and reports what arrived. Every failure comes
 * back as an n8n error for this item: NodeOperationError for inputs, NodeApiError for the storage.
 */
export async function uploadBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: { binaryPropertyName: string; target: unknown; options?: Partial<TransferOptions> },
): Promise<UploadResult> {
	const options = { ...DEFAULT_TRANSFER_OPTIONS, ...request.options };
	const started = Date.now();
	let secrets: string[] = [];
	try {
		const target = parseTarget(request.target);
		secrets = secretsOfTarget(target);
		const source = await readBinary(ctx, itemIndex, request.binaryPropertyName);
		assertTargetFits(target, source.size);
		assertNotExpired(target);
		const transport = transportFor(ctx, options);
		const sent =
			target.method === 'PUT'
				? await putFile(transport, target, source)
				: target.method === 'POST'
					? await postForm(transport, target, source)
					: await uploadMultipart(transport, target, source, options.partConcurrency);
		return {
			method: target.method,
			bytes: source.size,
			...sent,
			objectUrl: objectUrlOf(target, source.fileName),
			durationMs: Date.now() - started,
		};
	} catch (error) {
		const nodeError = toNodeError(ctx.getNode(), withSecretsMasked(error, secrets), itemIndex);
		if (error instanceof TransferError && error.details.expired) expiredUrlFailures.add(nodeError);
		throw nodeError;
	}
}

/**
 * Brings a file in from a URL that needs no credentials (a provider's result, a presigned GET) as
 * an n8n binary, with the same retry, timeout and redaction rules as uploads.
 */
export async function downloadBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: DownloadRequest,
	options: Partial<TransferOptions> = {},
): Promise<DownloadResult & { durationMs: number }> {
	const started = Date.now();
	try {
		const transport = transportFor(ctx, { ...DEFAULT_TRANSFER_OPTIONS, ...options });
		const result = await downloadToBinary(ctx, transport, request);
		return { ...result, durationMs: Date.now() - started };
	} catch (error) {
		throw toNodeError(ctx.getNode(), error, itemIndex);
	}
}
