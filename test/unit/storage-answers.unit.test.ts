// How the engine reads what a storage host answers: S3 error bodies, Retry-After, network
// failures and the expiry written into a presigned URL.
import {
	createTransport,
	header,
	networkFailureOf,
	parseRetryAfter,
	responseError,
	type StorageRequest,
} from '../../nodes/transfer/transport';
import {
	isExpiredError,
	parseStorageError,
	presignedUrlExpiry,
} from '../../nodes/transfer/storage-error';

const PUT: StorageRequest = {
	method: 'PUT',
	url: 'https://s3.example.com/b/k?X-Amz-Signature=abc',
	headers: {},
};

describe('parseStorageError', () => {
	it('reads Code, Message, Expires and ServerTime, trimmed and with XML entities decoded', () => {
		const body =
			'<?xml version="1.0"?><Error><Code> AccessDenied </Code><Message>a &lt;b&gt; &quot;c&quot; &apos;d&apos; &amp;amp;</Message>' +
			'<Expires>2026-01-01T00:00:00Z</Expires><ServerTime>2026-01-01T00:05:00Z</ServerTime></Error>';
		expect(parseStorageError(body)).toEqual({
			code: 'AccessDenied',
			message: `a <b> "c" 'd' &amp;`,
			expires: '2026-01-01T00:00:00Z',
			serverTime: '2026-01-01T00:05:00Z',
		});
	});

	it('reads nothing from a body that is no S3 error', () => {
		expect(parseStorageError('<Code>X</Code>')).toEqual({});
	});
});

describe('isExpiredError', () => {
	it('is a 403 whose message says the request has expired, in any case', () => {
		expect(isExpiredError(403, { message: 'Request has EXPIRED' })).toBe(true);
		expect(isExpiredError(400, { message: 'Request has expired' })).toBe(false);
		expect(isExpiredError(403, { message: 'Access Denied' })).toBe(false);
		expect(isExpiredError(403, {})).toBe(false);
	});
});

describe('presignedUrlExpiry', () => {
	it('is X-Amz-Date plus X-Amz-Expires seconds', () => {
		const url = 'https://h/b/k?X-Amz-Date=20260102T030405Z&X-Amz-Expires=3600';
		expect(presignedUrlExpiry(url)?.toISOString()).toBe('2026-01-02T04:04:05.000Z');
	});

	it('is unknown without a well-formed date, without a number of seconds, or for no URL', () => {
		expect(
			presignedUrlExpiry('https://h/k?X-Amz-Date=2026-01-02&X-Amz-Expires=60'),
		).toBeUndefined();
		expect(
			presignedUrlExpiry('https://h/k?X-Amz-Date=20260102T030405Z&X-Amz-Expires=soon'),
		).toBeUndefined();
		expect(presignedUrlExpiry('https://h/k?X-Amz-Expires=60')).toBeUndefined();
		expect(presignedUrlExpiry('not a url')).toBeUndefined();
		for (const date of ['X20260102T030405Z', '20260102T030405Zjunk']) {
			expect(presignedUrlExpiry(`https://h/k?X-Amz-Date=${date}&X-Amz-Expires=60`)).toBeUndefined();
		}
	});
});

describe('parseRetryAfter', () => {
	beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-01-01T00:00:00Z') }));
	afterEach(() => jest.useRealTimers());

	it('reads seconds, the first of several values, and an HTTP date from now', () => {
		expect(parseRetryAfter('2.5')).toBe(2500);
		expect(parseRetryAfter(['3', '9'])).toBe(3000);
		expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT')).toBe(10_000);
	});

	it('never gives a negative wait, and nothing for empty or unreadable values', () => {
		expect(parseRetryAfter('-5')).toBe(0);
		expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT')).toBe(0);
		expect(parseRetryAfter(' ')).toBeUndefined();
		expect(parseRetryAfter('soon')).toBeUndefined();
		expect(parseRetryAfter(7)).toBeUndefined();
	});
});

describe('header', () => {
	it('finds a header by its lower-case name and takes the first of a list', () => {
		const response = { headers: { etag: ['"a"', '"b"'], 'x-one': 'v' } };
		expect(header(response, 'ETag')).toBe('"a"');
		expect(header(response, 'X-One')).toBe('v');
		expect(header(response, 'missing')).toBeUndefined();
	});
});

describe('networkFailureOf', () => {
	it('takes the network code of the error or of its cause, and knows which codes are worth a retry', () => {
		expect(networkFailureOf({ code: 'ECONNRESET', message: 'x' })).toEqual({
			reason: 'ECONNRESET',
			retryable: true,
		});
		expect(networkFailureOf({ message: 'wrapped', cause: { code: 'EAI_AGAIN' } })).toEqual({
			reason: 'EAI_AGAIN',
			retryable: true,
		});
		expect(networkFailureOf({ code: 'ENOTFOUND', message: 'getaddrinfo' })).toEqual({
			reason: 'ENOTFOUND',
			retryable: false,
		});
	});

	it('falls back to the message, retrying what sounds like the network', () => {
		expect(networkFailureOf({ code: 'not-a-code', message: 'socket hang up' })).toEqual({
			reason: 'socket hang up',
			retryable: true,
		});
		expect(networkFailureOf(new Error('Request Timeout'))).toEqual({
			reason: 'Request Timeout',
			retryable: true,
		});
		expect(networkFailureOf(new Error('bad certificate'))).toEqual({
			reason: 'bad certificate',
			retryable: false,
		});
		expect(networkFailureOf(undefined)).toEqual({
			reason: 'unknown network error',
			retryable: false,
		});
	});
});

describe('responseError', () => {
	const answer = (statusCode: number, body = '', headers = {}) => ({ statusCode, body, headers });
	const s3Error = (code: string, message = 'm') =>
		`<Error><Code>${code}</Code><Message>${message}</Message></Error>`;

	it('keeps the status and the S3 code, names the method and URL without its signature', () => {
		const error = responseError(PUT, answer(403, s3Error('SignatureDoesNotMatch', 'bad sig')));
		expect(error.message).toBe('Storage rejected the upload: SignatureDoesNotMatch - bad sig');
		expect(error.details).toMatchObject({
			httpCode: 403,
			storageCode: 'SignatureDoesNotMatch',
			retryable: false,
		});
		expect(error.details.description).toMatch(
			/^PUT https:\/\/s3\.example\.com\/b\/k.* answered 403\.$/,
		);
		expect(error.details.description).not.toContain('abc');
	});

	it('calls a failed GET a download', () => {
		const error = responseError({ ...PUT, method: 'GET' }, answer(404, s3Error('NoSuchKey')));
		expect(error.message).toBe('Storage rejected the download: NoSuchKey - m');
	});

	it('without an S3 body: the HTTP status as the code and at most 300 characters of the body', () => {
		const error = responseError(PUT, answer(418, `  ${'x'.repeat(400)}  `));
		expect(error.message).toBe(`Storage rejected the upload: HTTP 418 - ${'x'.repeat(300)}`);
		expect(error.details.storageCode).toBeUndefined();
		expect(responseError(PUT, answer(418, '   ')).message).toBe(
			'Storage rejected the upload: HTTP 418 - no error message',
		);
	});

	it('retries 5xx, 429 and the transient S3 codes, and reads Retry-After', () => {
		expect(responseError(PUT, answer(500)).details.retryable).toBe(true);
		expect(responseError(PUT, answer(499)).details.retryable).toBe(false);
		expect(responseError(PUT, answer(429, '', { 'retry-after': '4' })).details).toMatchObject({
			retryable: true,
			retryAfterMs: 4000,
		});
		for (const code of ['RequestTimeout', 'SlowDown', 'InternalError']) {
			expect(responseError(PUT, answer(400, s3Error(code))).details.retryable).toBe(true);
		}
		expect(responseError(PUT, answer(400, s3Error('EntityTooLarge'))).details.retryable).toBe(
			false,
		);
	});

	it('adds advice for an ACL refused by a bucket with ACLs disabled', () => {
		const error = responseError(PUT, answer(400, s3Error('AccessControlListNotSupported')));
		expect(error.details.description).toMatch(
			/answered 400\. The URL was signed with an x-amz-acl header/,
		);
	});

	it('a redirect is refused with its status, not followed', () => {
		const error = responseError(PUT, answer(307));
		expect(error.message).toBe('The storage answered PUT with a redirect (307)');
		expect(error.details).toMatchObject({ httpCode: 307, retryable: false });
		expect(responseError(PUT, answer(300)).message).toContain('redirect (300)');
		expect(responseError(PUT, answer(400)).message).not.toContain('redirect');
	});

	it('an expiry the storage reports: its expiry time and server time, status kept', () => {
		const body =
			'<Error><Code>AccessDenied</Code><Message>Request has expired</Message><Expires>2026-01-01T00:00:00Z</Expires><ServerTime>2026-01-01T01:00:00Z</ServerTime></Error>';
		const error = responseError(PUT, answer(403, body));
		expect(error.message).toBe(
			'The presigned URL expired at 2026-01-01T00:00:00Z (storage time 2026-01-01T01:00:00Z)',
		);
		expect(error.details).toMatchObject({
			httpCode: 403,
			storageCode: 'AccessDenied',
			retryable: false,
		});
	});

	it('an expiry without an Expires element takes it from the URL', () => {
		const request = { ...PUT, url: 'https://h/b/k?X-Amz-Date=20260102T030405Z&X-Amz-Expires=60' };
		const body = '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';
		expect(responseError(request, answer(403, body)).message).toBe(
			'The presigned URL expired at 2026-01-02T03:05:05.000Z',
		);
	});
});

describe('createTransport', () => {
	const once = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 };
	/** A transport over an HTTP helper that answers every request with `answer`. */
	const answering = (answer: { statusCode: number; headers?: object; body?: unknown }) =>
		createTransport((async () => answer) as never, once, 1_000);

	it('reads an answer without a body as empty text', async () => {
		await expect(answering({ statusCode: 200 }).send(PUT)).resolves.toEqual({
			statusCode: 200,
			headers: {},
			body: '',
		});
	});

	it('says there was no error message when a failure came without a body', async () => {
		const failure = await answering({ statusCode: 403, headers: {} })
			.send(PUT)
			.catch((error: unknown) => error);
		expect((failure as Error).message).toBe(
			'Storage rejected the upload: HTTP 403 - no error message',
		);
	});
});
