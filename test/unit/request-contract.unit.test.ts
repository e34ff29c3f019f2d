// The exact requests the engine sends to storage hosts, pinned with nock behind the real engine.
import nock from 'nock';

import { headersBeyondClient } from '../support/headers';
import { useNockedEngine } from '../support/nock';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternBuffer } = require('../../sandbox/bytes');

const HOST = 'https://storage.example.com';
const SIGNED =
	'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20991231%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20991231T000000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=feedbeef';
const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'cookie', 'proxy-authorization'];
const FRAMING_FORBIDDEN = ['transfer-encoding'];

const env = useNockedEngine('default');

function storageHost() {
	return nock(HOST, { badheaders: [...CREDENTIAL_HEADERS, ...FRAMING_FORBIDDEN] });
}

async function upload(
	target: unknown,
	{ size = 1000, options = {}, mimeType = 'image/jpeg' } = {},
) {
	const run = await env.engine.run({
		nodes: [
			{
				name: 'Source',
				type: 'binarySource',
				parameters: { size, mimeType, fileName: 'photo.jpg' },
			},
			{
				name: 'Upload',
				type: 'presignedUpload',
				parameters: { target: target as never, options: options as never },
			},
		],
	});
	return {
		run,
		error: run.error('Upload') as (Error & { httpCode?: string; description?: string }) | undefined,
		json: run.output('Upload')[0]?.json,
	};
}

describe('PUT', () => {
	it('sends the exact length, the signed headers and nothing that carries a credential', async () => {
		let seen: Record<string, string | string[] | undefined> = {};
		const scope = storageHost()
			.put('/bucket/photo.jpg')
			.query(true)
			.reply(function () {
				seen = this.req.headers;
				return [200, '', { ETag: '"etag-1"' }];
			});

		const { error, json } = await upload({
			method: 'PUT',
			url: `${HOST}/bucket/photo.jpg?${SIGNED}`,
			headers: { 'Content-Type': 'image/jpeg', 'x-amz-acl': 'public-read' },
		});

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(seen['content-length']).toBe('1000');
		expect(seen['content-type']).toBe('image/jpeg');
		expect(seen['x-amz-acl']).toBe('public-read');
		expect(headersBeyondClient(seen)).toEqual(['content-type', 'x-amz-acl']);
		expect(json.upload).toMatchObject({ method: 'PUT', bytes: 1000, etag: '"etag-1"' });
	});

	it('adds no Content-Type when the target names none, since an unsigned one can break the signature', async () => {
		const scope = nock(HOST, {
			badheaders: ['content-type', ...CREDENTIAL_HEADERS, ...FRAMING_FORBIDDEN],
		})
			.put('/bucket/raw')
			.query(true)
			.matchHeader('content-length', '1000')
			.reply(200, '', { ETag: '"e"' });

		const { error } = await upload({
			method: 'PUT',
			url: `${HOST}/bucket/raw?${SIGNED}`,
			headers: {},
		});

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('sends Content-Length 0 for an empty file', async () => {
		const scope = storageHost()
			.put('/bucket/empty')
			.query(true)
			.matchHeader('content-length', '0')
			.reply(200, '', { ETag: '"e"' });

		const { error } = await upload(
			{ method: 'PUT', url: `${HOST}/bucket/empty?${SIGNED}` },
			{ size: 0 },
		);

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});
});

describe('POST form', () => {
	it('sends every field first and the file last, with an exact Content-Length', async () => {
		let body = '';
		let headers: Record<string, string | string[] | undefined> = {};
		const scope = storageHost()
			.post('/bucket')
			.reply(function (_uri, requestBody) {
				// nock hands over a body that is not valid UTF-8 as hex.
				body = Buffer.from(requestBody as string, 'hex').toString('latin1');
				headers = this.req.headers;
				return [204, '', { ETag: '"p1"', Location: `${HOST}/bucket/k.jpg` }];
			});
		const fields = {
			key: 'uploads/k.jpg',
			'Content-Type': 'image/jpeg',
			policy: 'eyJwb2xpY3kiOnRydWV9',
			'x-amz-signature': 'abc',
		};

		const { error, json } = await upload(
			{ method: 'POST', url: `${HOST}/bucket`, fields },
			{ size: 10 },
		);

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		const boundary = /boundary=(.+)$/.exec(String(headers['content-type']))![1];
		expect(Number(headers['content-length'])).toBe(Buffer.byteLength(body, 'latin1'));
		const names = [...body.matchAll(/; name="([^"]+)"/g)].map((match) => match[1]);
		expect(names).toEqual(['key', 'Content-Type', 'policy', 'x-amz-signature', 'file']);
		expect(body).toContain('filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n');
		expect(body.endsWith(`\r\n--${boundary}--\r\n`)).toBe(true);
		expect(json.upload).toMatchObject({
			method: 'POST',
			etag: '"p1"',
			location: `${HOST}/bucket/k.jpg`,
		});
	});
});

describe('MULTIPART', () => {
	it('cuts parts to partSize, sends each with its length and completes with the ETags in part order, whatever order they came in', async () => {
		const lengths: Record<string, string> = {};
		const scope = storageHost();
		// Part 1 is answered last: only once part 3 is asked for, which needs part 2's lane free.
		let answerPart1 = () => {};
		const part = (n: number) =>
			scope.put('/bucket/big.bin').query((query) => query.partNumber === String(n));
		part(1).reply(function (_uri, _body, callback) {
			lengths[1] = String(this.req.headers['content-length']);
			answerPart1 = () => callback(null, [200, '', { ETag: '"part-1"' }]);
		});
		part(2).reply(function () {
			lengths[2] = String(this.req.headers['content-length']);
			return [200, '', { ETag: '"part-2"' }];
		});
		part(3).reply(function () {
			lengths[3] = String(this.req.headers['content-length']);
			answerPart1();
			return [200, '', { ETag: '"part-3"' }];
		});
		let completion = '';
		scope
			.post('/bucket/big.bin')
			.query(true)
			.reply(200, (_uri, requestBody) => {
				completion = requestBody as string;
				return '<CompleteMultipartUploadResult><Location>here</Location><ETag>&quot;whole-3&quot;</ETag></CompleteMultipartUploadResult>';
			});
		const parts = [1, 2, 3].map((partNumber) => ({
			partNumber,
			url: `${HOST}/bucket/big.bin?partNumber=${partNumber}&uploadId=u1&${SIGNED}`,
		}));

		const { error, json } = await upload(
			{
				method: 'MULTIPART',
				parts,
				partSize: 400,
				completeUrl: `${HOST}/bucket/big.bin?uploadId=u1&${SIGNED}`,
			},
			{ size: 1000, options: { partConcurrency: 2 } },
		);

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(lengths).toEqual({ 1: '400', 2: '400', 3: '200' });
		expect(completion).toBe(
			'<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Part><PartNumber>1</PartNumber><ETag>"part-1"</ETag></Part><Part><PartNumber>2</PartNumber><ETag>"part-2"</ETag></Part><Part><PartNumber>3</PartNumber><ETag>"part-3"</ETag></Part></CompleteMultipartUpload>',
		);
		expect(json.upload).toMatchObject({
			etag: '"whole-3"',
			location: 'here',
			etags: [1, 2, 3].map((n) => ({ partNumber: n, etag: `"part-${n}"` })),
		});
	});

	it('fails when the storage sends no ETag for a part', async () => {
		storageHost().put('/bucket/x').query(true).reply(200, '');

		const { error } = await upload({
			method: 'MULTIPART',
			parts: [`${HOST}/bucket/x?partNumber=1&${SIGNED}`],
			partSize: 5000,
		});

		expect(error?.message).toMatch(/part 1 but sent no ETag/);
	});

	it('treats a 200 answer with an <Error> body at completion as a failure', async () => {
		storageHost().put('/bucket/x').query(true).reply(200, '', { ETag: '"1"' });
		storageHost()
			.post('/bucket/x')
			.query(true)
			.reply(200, '<Error><Code>InvalidPart</Code><Message>nope</Message></Error>');

		const { error } = await upload({
			method: 'MULTIPART',
			parts: [`${HOST}/bucket/x?partNumber=1&${SIGNED}`],
			partSize: 5000,
			completeUrl: `${HOST}/bucket/x?uploadId=1&${SIGNED}`,
		});

		expect(error?.message).toMatch(/could not complete the multipart upload: InvalidPart/);
	});
});

describe('failure paths', () => {
	const putTarget = { method: 'PUT', url: `${HOST}/bucket/f?${SIGNED}` };
	const s3Error = (code: string, message: string, extra = '') =>
		`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message>${extra}<RequestId>r1</RequestId></Error>`;

	it('does not retry a 403 and keeps the storage code and status', async () => {
		const scope = storageHost()
			.put('/bucket/f')
			.query(true)
			.reply(
				403,
				s3Error(
					'SignatureDoesNotMatch',
					'The request signature we calculated does not match',
					'<SignatureProvided>feedbeef</SignatureProvided><StringToSign>AWS4</StringToSign>',
				),
			)
			.put('/bucket/f')
			.query(true)
			.reply(200, '', { ETag: '"never"' });

		const { error } = await upload(putTarget);

		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('403');
		expect(error?.message).toContain('SignatureDoesNotMatch');
		const { node: _node, ...shown } = error as unknown as Record<string, unknown>;
		expect(JSON.stringify(shown)).not.toContain('feedbeef');
		expect(scope.pendingMocks()).toHaveLength(1);
	});

	it('does not retry other 4xx answers', async () => {
		const scope = storageHost()
			.put('/bucket/f')
			.query(true)
			.reply(400, s3Error('InvalidArgument', 'bad'))
			.put('/bucket/f')
			.query(true)
			.reply(200, '', { ETag: '"never"' });

		const { error } = await upload(putTarget);

		expect(error?.httpCode).toBe('400');
		expect(scope.pendingMocks()).toHaveLength(1);
	});

	it.each([
		[
			'503',
			(scope: nock.Interceptor) =>
				scope.reply(503, s3Error('SlowDown', 'Please reduce your request rate.')),
		],
		[
			'429',
			(scope: nock.Interceptor) => scope.reply(429, 'Too Many Requests', { 'Retry-After': '0' }),
		],
		[
			'500',
			(scope: nock.Interceptor) =>
				scope.reply(500, s3Error('InternalError', 'We encountered an internal error.')),
		],
		[
			'400 RequestTimeout',
			(scope: nock.Interceptor) =>
				scope.reply(
					400,
					s3Error(
						'RequestTimeout',
						'Your socket connection to the server was not read from or written to within the timeout period.',
					),
				),
		],
	])('retries after %s and then succeeds', async (_name, fail) => {
		const scope = storageHost();
		fail(scope.put('/bucket/f').query(true));
		scope
			.put('/bucket/f')
			.query(true)
			.matchHeader('content-length', '1000')
			.reply(200, '', { ETag: '"ok"' });

		const { error, json } = await upload(putTarget);

		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(json.upload).toMatchObject({ etag: '"ok"' });
	});

	it('waits for Retry-After before retrying a 503', async () => {
		const times: number[] = [];
		storageHost()
			.put('/bucket/f')
			.query(true)
			.reply(() => {
				times.push(Date.now());
				return [503, s3Error('SlowDown', 'slow'), { 'Retry-After': '1' }];
			})
			.put('/bucket/f')
			.query(true)
			.reply(() => {
				times.push(Date.now());
				return [200, '', { ETag: '"ok"' }];
			});

		const { error } = await upload(putTarget);

		expect(error).toBeUndefined();
		expect(times[1] - times[0]).toBeGreaterThanOrEqual(950);
	});

	it('does not follow a redirect with the file', async () => {
		const elsewhere = nock('https://elsewhere.example.com').put(/.*/).reply(200);
		storageHost()
			.put('/bucket/f')
			.query(true)
			.reply(307, '', { Location: 'https://elsewhere.example.com/f' });

		const { error } = await upload(putTarget);

		expect(error?.message).toMatch(/redirect \(307\)/);
		expect(elsewhere.isDone()).toBe(false);
	});

	it('explains an expiry reported by the storage', async () => {
		storageHost()
			.put('/bucket/f')
			.query(true)
			.reply(
				403,
				s3Error(
					'AccessDenied',
					'Request has expired',
					'<X-Amz-Expires>900</X-Amz-Expires><Expires>2026-11-22T02:00:00Z</Expires><ServerTime>2026-11-22T02:30:00Z</ServerTime>',
				),
			);

		const { error } = await upload(putTarget);

		expect(error?.message).toBe(
			'The presigned URL expired at 2026-11-22T02:00:00Z (storage time 2026-11-22T02:30:00Z) [item 0]',
		);
		expect(error?.description).toMatch(/Ask the provider for a new upload URL/);
	});
});

describe('bad input fails before any request', () => {
	it.each([
		[{ method: 'PUT' }, /"target.url" must be the presigned URL, got nothing \[item 0\]/],
		[{ method: 'PUT', url: 'ftp://x/y' }, /"target.url" must be an http or https URL/],
		[
			{ method: 'PUT', url: `${HOST}/f`, headers: { Authorization: 'Bearer x' } },
			/header "Authorization" must not be sent/,
		],
		[{ method: 'PATCH', url: `${HOST}/f` }, /"target.method" must be PUT, POST or MULTIPART/],
		[{ method: 'POST', url: `${HOST}/f`, fields: { file: 'x' } }, /form field "file"/],
		[
			{ method: 'MULTIPART', parts: [`${HOST}/1`], partSize: 100 },
			/1000 bytes, which makes 10 part\(s\) of 100 bytes, but "target.parts" has 1/,
		],
		[
			{ method: 'MULTIPART', parts: [{ partNumber: 2, url: `${HOST}/2` }], partSize: 5000 },
			/without gaps or repeats/,
		],
		['not json', /"target" is text that is not JSON/],
	])('refuses %j', async (target, message) => {
		const { error } = await upload(target);

		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
	});

	it('names the binary field it was told to read when the item has no such field', async () => {
		const run = await env.engine.run({
			nodes: [
				{ name: 'Source', type: 'binarySource', parameters: { count: 1 } },
				{
					name: 'Upload',
					type: 'presignedUpload',
					parameters: {
						target: { method: 'PUT', url: `${HOST}/f` } as never,
						binaryPropertyName: 'scan',
					},
				},
			],
		});

		expect(run.error('Upload')?.message).toBe("The item has no binary field 'scan' [item 0]");
		expect(env.unexpected.count()).toBe(0);
	});

	it('keeps the whole file in the output hash', async () => {
		storageHost().put('/bucket/f').query(true).reply(200, '', { ETag: '"ok"' });
		const { json } = await upload(putTarget(), { size: 3 });
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const expected = require('node:crypto').createHash('sha256').update(patternBuffer(3, 1));
		const digest = expected.digest();
		expect(json.upload).toMatchObject({
			sha256: digest.toString('hex'),
			sha256Base64: digest.toString('base64'),
		});
	});

	function putTarget() {
		return { method: 'PUT', url: `${HOST}/bucket/f?${SIGNED}` };
	}
});
