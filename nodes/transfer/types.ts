export interface PutTarget {
	method: 'PUT';
	url: string;
	headers: Record<string, string>;
	expiresAt?: string;
}

export interface PostTarget {
	method: 'POST';
	url: string;
	fields: Record<string, string>;
	expiresAt?: string;
}

export interface PartTarget {
	partNumber: number;
	url: string;
}

export interface MultipartTarget {
	method: 'MULTIPART';
	parts: PartTarget[];
	partSize: number;
	/** Presigned S3 CompleteMultipartUpload URL; without it the caller completes the upload. */
	completeUrl?: string;
	/** Presigned S3 AbortMultipartUpload URL; when given, a failed upload frees its stored parts. */
	abortUrl?: string;
	expiresAt?: string;
}

export type UploadTarget = PutTarget | PostTarget | MultipartTarget;

export interface PartETag {
	partNumber: number;
	etag: string;
}

export interface UploadResult {
	method: UploadTarget['method'];
	bytes: number;
	sha256: string;
	sha256Base64: string;
	etag?: string;
	etags?: PartETag[];
	location?: string;
	/** The object's address: the URL it was uploaded to, without query (see object-url.ts). */
	objectUrl?: string;
	durationMs: number;
}

export interface TransferOptions {
	/** Parts uploaded at the same time in a multipart upload. */
	partConcurrency: number;
	/** Tries per request, the first one included. */
	maxAttempts: number;
	/** First retry delay; doubles on every further retry. */
	retryBaseDelayMs: number;
	/** Socket inactivity timeout per request. */
	timeoutMs: number;
}

export const DEFAULT_TRANSFER_OPTIONS: TransferOptions = {
	partConcurrency: 4,
	maxAttempts: 4,
	retryBaseDelayMs: 500,
	timeoutMs: 120_000,
};
