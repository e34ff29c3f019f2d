import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { Readable } from 'node:stream';

import { CancelledError, TransferError } from './errors';
import { describeUrl } from './redact';
import type { RetryPolicy } from './retry';
import { isExpiredError, parseStorageError, presignedUrlExpiry } from './storage-error';

export interface StorageRequest {
	method: 'PUT' | 'POST' | 'DELETE';
	url: string;
	headers: Record<string, string>;
	body?: Buffer | Readable;
}

export interface StorageResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export interface Transport {
	send(request: StorageRequest): Promise<StorageResponse>;
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

/** S3 answers 400 RequestTimeout when the body arrived too slowly: worth another try. */
const TRANSIENT_STORAGE_CODES = new Set(['RequestTimeout', 'SlowDown', 'InternalError']);

export function header(response: StorageResponse, name: string): string | undefined {
	const value = response.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

function retryAfterMs(response: StorageResponse): number | undefined {
	const value = header(response, 'retry-after');
	if (!value) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
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
	const text = parsed.message ?? (response.body.trim().slice(0, 300) || 'no error message');
	return new TransferError(`Storage rejected the upload: ${code} - ${text}`, {
		httpCode: statusCode,
		storageCode: parsed.code,
		description: `${request.method} ${describeUrl(request.url)} answered ${statusCode}.`,
		retryable:
			statusCode >= 500 || statusCode === 429 || TRANSIENT_STORAGE_CODES.has(parsed.code ?? ''),
		retryAfterMs: retryAfterMs(response),
	});
}

function networkError(
	request: StorageRequest,
	error: { code?: string; message?: string },
): TransferError {
	const reason = error.code ?? error.message ?? 'unknown network error';
	const retryable =
		NETWORK_ERROR_CODES.has(error.code ?? '') ||
		/socket hang up|network|timeout/i.test(error.message ?? '');
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

/**
 * Sends one request to a storage host through n8n's HTTP helper: no credentials, no redirects
 * (a followed redirect would also buffer the whole body in memory), the caller's exact headers.
 */
export function createTransport(
	httpRequest: HttpRequest,
	retry: RetryPolicy,
	timeoutMs: number,
): Transport {
	const send = async (request: StorageRequest): Promise<StorageResponse> => {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: request.url,
			headers: withoutDefaultContentType(request.headers),
			body: request.body,
			disableFollowRedirect: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			encoding: 'text',
			timeout: timeoutMs,
			abortSignal: retry.signal,
		};
		const raw = await httpRequest(options).catch((error: unknown) => ({ networkFailure: error }));
		if ('networkFailure' in raw) {
			if (retry.signal?.aborted) throw new CancelledError();
			throw networkError(request, raw.networkFailure as { code?: string; message?: string });
		}
		const response: StorageResponse = {
			statusCode: raw.statusCode,
			headers: raw.headers ?? {},
			body: String(raw.body ?? ''),
		};
		if (response.statusCode < 200 || response.statusCode >= 300)
			throw responseError(request, response);
		return response;
	};
	return { send, retry, signal: retry.signal };
}
