import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { Readable } from 'node:stream';

import { CancelledError, TransferError } from './errors';
import { describeUrl } from './redact';
import type { RetryPolicy } from './retry';
import { isExpiredError, parseStorageError, presignedUrlExpiry } from './storage-error';

export interface StorageRequest {
	method: 'GET' | 'PUT' | 'POST' | 'DELETE';
	url: string;
	headers: Record<string, string>;
	body?: Buffer | Readable;
}

export interface StorageResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/** A 2xx answer whose body is still to be read. */
export interface StreamedResponse {
	statusCode: number;
	headers: StorageResponse['headers'];
	body: Readable;
}

export interface Transport {
	send(request: StorageRequest): Promise<StorageResponse>;
	/** Like `send`, for downloads: the body of a 2xx answer comes back unread. */
	receive(request: StorageRequest): Promise<StreamedResponse>;
	/**
	 * For clean-up after a failure or a cancel (aborting a multipart upload): one try on a short
	 * timeout, not tied to the execution's cancel signal, which has already fired after a cancel.
	 */
	forCleanup(): Transport;
	retry: RetryPolicy;
	signal?: AbortSignal;
}

type HttpRequest = IExecuteFunctions['helpers']['httpRequest'];

const NETWORK_ERROR_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'EPIPE',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'ERR_STREAM_PREMATURE_CLOSE',
]);

/** What the user can do about a storage refusal whose S3 code alone does not say it. */
const STORAGE_ADVICE: Record<string, string> = {
	AccessControlListNotSupported:
		"The URL was signed with an x-amz-acl header, but the bucket has ACLs disabled (S3's default for new buckets). The service that issued the URL must sign it without x-amz-acl, or the bucket's owner must enable ACLs.",
};

/** S3 answers 400 RequestTimeout when the body arrived too slowly: worth another try. */
const TRANSIENT_STORAGE_CODES = new Set(['RequestTimeout', 'SlowDown', 'InternalError']);

export function header(
	response: Pick<StorageResponse, 'headers'>,
	name: string,
): string | undefined {
	const value = response.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** A `Retry-After` header (seconds or an HTTP date) in milliseconds from now. */
export function parseRetryAfter(value: unknown): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text !== 'string' || text.trim() === '') return undefined;
	const seconds = Number(text);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * An expired presigned URL, told with its expiry: nothing but a new URL can fix it. `status` is
 * the storage's answer when it was the storage that refused, not the check before sending.
 */
export function expiredUrlError(
	url: string,
	expiry: string | undefined,
	context: string,
	status?: number,
): TransferError {
	const when = expiry ? ` at ${expiry}` : '';
	return new TransferError(`The presigned URL expired${when}${context}`, {
		httpCode: status,
		storageCode: status === undefined ? undefined : 'AccessDenied',
		description: `${describeUrl(url)} can no longer be used. Ask the provider for a new upload URL and run the upload again.`,
		retryable: false,
		expired: true,
	});
}

/** Maps a non-2xx storage answer to a TransferError that keeps the status and the storage's code. */
export function responseError(request: StorageRequest, response: StorageResponse): TransferError {
	const { statusCode } = response;
	const parsed = parseStorageError(response.body);
	if (isExpiredError(statusCode, parsed)) {
		const expiry = parsed.expires ?? presignedUrlExpiry(request.url)?.toISOString();
		const storageTime = parsed.serverTime ? ` (storage time ${parsed.serverTime})` : '';
		return expiredUrlError(request.url, expiry, storageTime, statusCode);
	}
	if (statusCode >= 300 && statusCode < 400) {
		return new TransferError(
			`The storage answered ${request.method} with a redirect (${statusCode})`,
			{
				httpCode: statusCode,
				description: `Presigned uploads are not re-sent to another address. Use the final storage URL instead of ${describeUrl(request.url)}.`,
				retryable: false,
			},
		);
	}
	const code = parsed.code ?? `HTTP ${statusCode}`;
	const advice = parsed.code ? STORAGE_ADVICE[parsed.code] : undefined;
	const text = parsed.message ?? (response.body.trim().slice(0, 300) || 'no error message');
	const what = request.method === 'GET' ? 'download' : 'upload';
	return new TransferError(`Storage rejected the ${what}: ${code} - ${text}`, {
		httpCode: statusCode,
		storageCode: parsed.code,
		description: [`${request.method} ${describeUrl(request.url)} answered ${statusCode}.`, advice]
			.filter(Boolean)
			.join(' '),
		retryable:
			statusCode >= 500 || statusCode === 429 || TRANSIENT_STORAGE_CODES.has(parsed.code ?? ''),
		retryAfterMs: parseRetryAfter(header(response, 'retry-after')),
	});
}

export interface NetworkFailure {
	/** The network error code (ECONNRESET, ETIMEDOUT, …), or the error's message without one. */
	reason: string;
	retryable: boolean;
}

/** What went wrong on the wire, also when n8n's helper wrapped the network error in its own. */
export function networkFailureOf(error: unknown): NetworkFailure {
	const raw = error as { code?: unknown; message?: unknown; cause?: { code?: unknown } };
	const code = [raw?.code, raw?.cause?.code].find(
		(value): value is string => typeof value === 'string' && /^E[A-Z_]+$/.test(value),
	);
	const message = typeof raw?.message === 'string' ? raw.message : undefined;
	return {
		reason: code ?? message ?? 'unknown network error',
		retryable:
			NETWORK_ERROR_CODES.has(code ?? '') || /socket hang up|network|timeout/i.test(message ?? ''),
	};
}

/** A request that got no answer: stopped by the execution's cancel, or failed on the wire. */
export function wireFailure(
	request: StorageRequest,
	error: unknown,
	signal?: AbortSignal,
): CancelledError | TransferError {
	return signal?.aborted ? new CancelledError() : networkError(request, error);
}

function networkError(request: StorageRequest, error: unknown): TransferError {
	const { reason, retryable } = networkFailureOf(error);
	return new TransferError(`Could not reach the storage: ${reason}`, {
		description: `${request.method} ${describeUrl(request.url)} failed before an answer came back.`,
		retryable,
	});
}

/**
 * axios gives every PUT and POST without a Content-Type `application/x-www-form-urlencoded`.
 * Storage would keep that as the object's type, and a URL signed for another type would refuse
 * it; `false` tells axios to send no Content-Type at all.
 */
function withoutDefaultContentType(headers: Record<string, string>): IDataObject {
	const named = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
	return named ? headers : { ...headers, 'Content-Type': false };
}

/** A clean-up request gets this long; the failure it follows is what the user waits to see. */
const CLEANUP_TIMEOUT_MS = 10_000;

/** At most this much of a failed download's body is read, to find the storage's error in it. */
const ERROR_BODY_LIMIT = 64 * 1024;

async function textOf(stream: Readable): Promise<string> {
	const chunks: Buffer[] = [];
	let length = 0;
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		chunks.push(chunk);
		length += chunk.length;
		if (length >= ERROR_BODY_LIMIT) break;
	}
	stream.destroy();
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * Talks to storage hosts through n8n's HTTP helper: no credentials, no redirects (a followed
 * redirect would also buffer the whole body in memory), the caller's exact headers.
 */
export function createTransport(
	httpRequest: HttpRequest,
	retry: RetryPolicy,
	timeoutMs: number,
): Transport {
	const exchange = async (request: StorageRequest, encoding: 'text' | 'stream') => {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: request.url,
			headers:
				request.method === 'GET' ? request.headers : withoutDefaultContentType(request.headers),
			body: request.body,
			disableFollowRedirect: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			encoding,
			timeout: timeoutMs,
			abortSignal: retry.signal,
		};
		const raw = await httpRequest(options).catch((error: unknown) => ({ networkFailure: error }));
		if ('networkFailure' in raw) throw wireFailure(request, raw.networkFailure, retry.signal);
		return raw as { statusCode: number; headers?: StorageResponse['headers']; body: unknown };
	};
	const failed = (statusCode: number) => statusCode < 200 || statusCode >= 300;

	const send = async (request: StorageRequest): Promise<StorageResponse> => {
		const raw = await exchange(request, 'text');
		const response: StorageResponse = {
			statusCode: raw.statusCode,
			headers: raw.headers ?? {},
			body: String(raw.body ?? ''),
		};
		if (failed(response.statusCode)) throw responseError(request, response);
		return response;
	};

	const receive = async (request: StorageRequest): Promise<StreamedResponse> => {
		const raw = await exchange(request, 'stream');
		const headers = raw.headers ?? {};
		const body = raw.body as Readable;
		if (failed(raw.statusCode)) {
			throw responseError(request, {
				statusCode: raw.statusCode,
				headers,
				body: await textOf(body),
			});
		}
		return { statusCode: raw.statusCode, headers, body };
	};

	const forCleanup = () =>
		createTransport(
			httpRequest,
			{ ...retry, maxAttempts: 1, signal: undefined },
			Math.min(timeoutMs, CLEANUP_TIMEOUT_MS),
		);

	return { send, receive, forCleanup, retry, signal: retry.signal };
}
