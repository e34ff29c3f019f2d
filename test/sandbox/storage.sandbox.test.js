'use strict';

// The sandbox is only useful if it refuses what S3 refuses. Every test talks real HTTP over
// loopback to a real server; the URLs are signed by the AWS SDK's own presigners.

const crypto = require('node:crypto');
const http = require('node:http');
const net = require('node:net');
const zlib = require('node:zlib');
const FormData = require('form-data');
const {
	S3Client,
	PutObjectCommand,
	GetObjectCommand,
	ListObjectsV2Command,
	UploadPartCommand,
} = require('@aws-sdk/client-s3');
const { getSignedUrl } = require('@aws-sdk/s3-request-presigner');

const { startStorage } = require('../../sandbox/storage');
const sigv4 = require('../../sandbox/storage/sigv4');
const { xmlUnescape } = require('../../sandbox/storage/s3-errors');

const MiB = 1024 * 1024;

let storage;
let port;

beforeAll(async () => {
	storage = await startStorage();
	port = Number(new URL(storage.url).port);
});

afterAll(async () => {
	await storage.close();
});

afterEach(() => {
	storage.faults.clear();
	storage.setLatency(0);
});

// ---- helpers ---------------------------------------------------------------------------------

/** One HTTP request on a fresh connection; resolves with status, headers and body text. */
function send(url, { method = 'PUT', headers = {}, body, chunks } = {}) {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method, headers, agent: false }, (res) => {
			const parts = [];
			res.on('data', (c) => parts.push(c));
			res.on('end', () =>
				resolve({
					status: res.statusCode,
					headers: res.headers,
					body: Buffer.concat(parts).toString('utf8'),
				}),
			);
		});
		req.on('error', reject);
		if (chunks) {
			for (const c of chunks) req.write(c);
			req.end();
			return;
		}
		if (body !== undefined && req.getHeader('content-length') === undefined) {
			req.setHeader('Content-Length', Buffer.byteLength(body));
		}
		req.end(body);
	});
}

/** Writes bytes on a raw TCP connection and returns whatever comes back until it closes. */
function raw(text, { halfClose = false, waitMs = 3000 } = {}) {
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1');
		let data = '';
		const timer = setTimeout(() => socket.destroy(), waitMs);
		socket.on('connect', () => {
			socket.write(text);
			if (halfClose) socket.end();
		});
		socket.on('data', (c) => (data += c));
		socket.on('error', reject);
		socket.on('close', () => {
			clearTimeout(timer);
			resolve({ status: Number(data.split(' ')[1]), text: data });
		});
	});
}

function xmlField(body, name) {
	const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(body);
	return m ? xmlUnescape(m[1]) : undefined;
}

function expectS3Error(res, status, code, message) {
	expect({ status: res.status, code: xmlField(res.body, 'Code') }).toEqual({ status, code });
	expect(res.headers['content-type']).toBe('application/xml');
	expect(xmlField(res.body, 'RequestId')).toBeTruthy();
	if (message) expect(xmlField(res.body, 'Message')).toEqual(message);
}

const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');
const md5Hex = (buf) => crypto.createHash('md5').update(buf).digest('hex');
const crc32Base64 = (buf) => {
	const b = Buffer.alloc(4);
	b.writeUInt32BE(zlib.crc32(buf));
	return b.toString('base64');
};

function rawPut(path, headers, body) {
	const lines = [`PUT ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, ...headers];
	return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Path and query of a presigned URL, for raw requests. */
const target = (url) => url.slice(storage.url.length);

function postForm(post, entries) {
	const form = new FormData();
	for (const [name, value, options] of entries) form.append(name, value, options);
	return send(post.url, { method: 'POST', headers: form.getHeaders(), body: form.getBuffer() });
}

/** The form in the order S3 wants: every field the presigner returned, then the file. */
function formEntries(post, file, extra = []) {
	return [
		...Object.entries(post.fields).map(([k, v]) => [k, v]),
		...extra,
		['file', file, { filename: 'photo.png', contentType: 'image/png' }],
	];
}

// ---- SigV4 -----------------------------------------------------------------------------------

describe('sigv4', () => {
	// Worked example from the S3 documentation "Authenticating Requests: Using Query Parameters".
	const example = {
		method: 'GET',
		url:
			'/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
			'&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
			'&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
		headers: { host: 'examplebucket.s3.amazonaws.com' },
		region: 'us-east-1',
		now: new Date('2013-05-24T12:00:00Z'),
		lookupCredentials: (id) =>
			id === 'AKIAIOSFODNN7EXAMPLE'
				? { secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }
				: undefined,
	};

	test('accepts the documented presigned GET example', () => {
		expect(sigv4.verifyRequest(example)).toMatchObject({
			type: 'query',
			accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
		});
	});

	test('rejects the example for another host or after a day', () => {
		expect(() => sigv4.verifyRequest({ ...example, headers: { host: 'other.example' } })).toThrow(
			expect.objectContaining({ code: 'SignatureDoesNotMatch' }),
		);
		expect(() =>
			sigv4.verifyRequest({ ...example, now: new Date('2013-05-25T00:00:01Z') }),
		).toThrow(expect.objectContaining({ code: 'AccessDenied', s3Message: 'Request has expired' }));
	});

	test('encodes like S3: RFC 3986, sorted query, raw "+" kept as a plus', () => {
		expect(sigv4.uriEncode("a b/c!'()*~")).toBe('a%20b%2Fc%21%27%28%29%2A~');
		expect(sigv4.canonicalUri('/bucket/a%20b/c+d')).toBe('/bucket/a%20b/c%2Bd');
		expect(sigv4.canonicalQueryString(sigv4.parseQuery('b=2&a=1&uploads&X-Amz-Signature=x'))).toBe(
			'a=1&b=2&uploads=',
		);
	});
});

// ---- presigned PUT -----------------------------------------------------------------------------

describe('presigned PUT', () => {
	const signed = { 'x-amz-acl': 'public-read', 'cache-control': 'max-age=10' };

	test('stores the body byte for byte with its signed metadata', async () => {
		const body = crypto.randomBytes(3 * MiB + 17);
		const put = await storage.presignPut('put/ok file+1.bin', {
			contentType: 'application/pdf',
			signedHeaders: signed,
		});
		expect(put.method).toBe('PUT');
		expect(put.headers).toEqual({ 'content-type': 'application/pdf', ...signed });
		expect(new URL(put.url).searchParams.get('X-Amz-SignedHeaders')).toBe(
			'cache-control;content-type;host;x-amz-acl',
		);
		expect(Date.parse(put.expiresAt) - Date.now()).toBeGreaterThan(890 * 1000);

		const res = await send(put.url, { headers: put.headers, body });
		expect(res.status).toBe(200);
		expect(res.headers.etag).toBe(`"${md5Hex(body)}"`);
		const stored = storage.getObject('put/ok file+1.bin');
		expect(stored).toMatchObject({
			size: body.length,
			sha256: sha256(body),
			contentType: 'application/pdf',
		});
		expect(stored.body.equals(body)).toBe(true);
		expect(stored.headers).toEqual({ 'content-type': 'application/pdf', ...signed });
		expect(storage.listObjects()).toContain('put/ok file+1.bin');

		const get = await storage.presignGet('put/ok file+1.bin');
		const back = await new Promise((resolve) =>
			http.get(get.url, (r) => {
				const parts = [];
				r.on('data', (c) => parts.push(c));
				r.on('end', () =>
					resolve({ status: r.statusCode, headers: r.headers, body: Buffer.concat(parts) }),
				);
			}),
		);
		expect(back.status).toBe(200);
		expect(back.headers['cache-control']).toBe('max-age=10');
		expect(sha256(back.body)).toBe(sha256(body));
	});

	test('tampered signature -> 403 SignatureDoesNotMatch', async () => {
		const put = await storage.presignPut('put/tampered', {});
		const url = put.url.replace(
			/X-Amz-Signature=([0-9a-f])/,
			(m, c) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`,
		);
		expectS3Error(await send(url, { body: 'x' }), 403, 'SignatureDoesNotMatch');
		expect(storage.getObject('put/tampered')).toBeUndefined();
	});

	test('tampered key or query -> 403 SignatureDoesNotMatch', async () => {
		const put = await storage.presignPut('put/original', {});
		expectS3Error(
			await send(put.url.replace('/put/original', '/put/other'), { body: 'x' }),
			403,
			'SignatureDoesNotMatch',
		);
		expectS3Error(await send(`${put.url}&extra=1`, { body: 'x' }), 403, 'SignatureDoesNotMatch');
	});

	test('a different Content-Type than the signed one -> 403 SignatureDoesNotMatch', async () => {
		const put = await storage.presignPut('put/ctype', { contentType: 'image/png' });
		const res = await send(put.url, {
			headers: { 'content-type': 'application/octet-stream' },
			body: 'x',
		});
		expectS3Error(res, 403, 'SignatureDoesNotMatch');
		expect(xmlField(res.body, 'CanonicalRequest')).toContain(
			'content-type:application/octet-stream',
		);
		// ...and leaving it out is just as wrong.
		expectS3Error(await send(put.url, { body: 'x' }), 403, 'SignatureDoesNotMatch');
	});

	test('a signed x-amz-acl left out -> 403 SignatureDoesNotMatch', async () => {
		const put = await storage.presignPut('put/acl', { signedHeaders: signed });
		const res = await send(put.url, { headers: { 'cache-control': 'max-age=10' }, body: 'x' });
		expectS3Error(res, 403, 'SignatureDoesNotMatch');
	});

	test('an unsigned x-amz-* header -> 403 AccessDenied with HeadersNotSigned', async () => {
		const put = await storage.presignPut('put/unsigned', {});
		const res = await send(put.url, {
			headers: { 'x-amz-meta-owner': 'me', 'x-amz-acl': 'private' },
			body: 'x',
		});
		expectS3Error(
			res,
			403,
			'AccessDenied',
			'There were headers present in the request which were not signed',
		);
		expect(xmlField(res.body, 'HeadersNotSigned')).toBe('x-amz-meta-owner, x-amz-acl');
	});

	test('unsigned ordinary headers (User-Agent, Accept) are fine', async () => {
		const put = await storage.presignPut('put/extra-ordinary', {});
		const res = await send(put.url, {
			headers: { 'user-agent': 'n8n', accept: 'application/json' },
			body: 'x',
		});
		expect(res.status).toBe(200);
	});

	test('expired URL -> 403 AccessDenied "Request has expired" with Expires and ServerTime', async () => {
		const signingDate = new Date(Date.now() - 120 * 1000);
		const put = await storage.presignPut('put/expired', { expiresIn: 60, signingDate });
		expect(Date.parse(put.expiresAt)).toBeLessThan(Date.now());
		const res = await send(put.url, { body: 'x' });
		expectS3Error(res, 403, 'AccessDenied', 'Request has expired');
		expect(xmlField(res.body, 'Expires')).toBe(put.expiresAt.replace('.000Z', 'Z'));
		expect(Date.parse(xmlField(res.body, 'ServerTime'))).toBeGreaterThan(Date.parse(put.expiresAt));
		expect(xmlField(res.body, 'X-Amz-Expires')).toBe('60');
	});

	test('X-Amz-Expires over a week -> 400 AuthorizationQueryParametersError', async () => {
		const put = await storage.presignPut('put/week', {});
		const res = await send(put.url.replace('X-Amz-Expires=900', 'X-Amz-Expires=604801'), {
			body: 'x',
		});
		expectS3Error(res, 400, 'AuthorizationQueryParametersError');
	});

	test('unknown access key -> 403 InvalidAccessKeyId; wrong region -> 400', async () => {
		const put = await storage.presignPut('put/key', {});
		const res = await send(put.url.replace('AKIASANDBOXEXAMPLE', 'AKIAUNKNOWNEXAMPLE'), {
			body: 'x',
		});
		expectS3Error(res, 403, 'InvalidAccessKeyId');
		const region = await send(put.url.replace('%2Fus-east-1%2F', '%2Feu-west-1%2F'), { body: 'x' });
		expectS3Error(region, 400, 'AuthorizationQueryParametersError');
	});

	test('no signature at all -> 403 AccessDenied', async () => {
		expectS3Error(
			await send(`${storage.url}/${storage.bucket}/put/anon`, { body: 'x' }),
			403,
			'AccessDenied',
		);
	});

	test('x-amz-checksum-crc32 is checked against the body', async () => {
		const body = Buffer.from('the real content');
		const wrong = await storage.presignPut('put/crc-wrong', {
			signedHeaders: { 'x-amz-checksum-crc32': crc32Base64(Buffer.from('other content')) },
		});
		expectS3Error(await send(wrong.url, { headers: wrong.headers, body }), 400, 'BadDigest');
		expect(storage.getObject('put/crc-wrong')).toBeUndefined();

		const right = await storage.presignPut('put/crc-right', {
			signedHeaders: { 'x-amz-checksum-crc32': crc32Base64(body) },
		});
		const ok = await send(right.url, { headers: right.headers, body });
		expect(ok.status).toBe(200);
		expect(ok.headers['x-amz-checksum-crc32']).toBe(crc32Base64(body));
	});

	test('SDK presigner with default checksums bakes in the empty-body CRC32: S3-strict stores refuse', async () => {
		const defaults = new S3Client({
			region: storage.region,
			endpoint: storage.url,
			forcePathStyle: true,
			credentials: { accessKeyId: storage.accessKeyId, secretAccessKey: storage.secretAccessKey },
		});
		const url = await getSignedUrl(
			defaults,
			new PutObjectCommand({ Bucket: storage.bucket, Key: 'put/quirk' }),
			{ expiresIn: 60 },
		);
		expect(url).toContain('x-amz-checksum-crc32=AAAAAA%3D%3D');
		const res = await send(url, { body: 'not empty' });
		expectS3Error(
			res,
			400,
			'BadDigest',
			'The CRC32 you specified did not match the calculated checksum.',
		);
	});

	test('Content-MD5: wrong -> 400 BadDigest, malformed -> 400 InvalidDigest', async () => {
		const put = await storage.presignPut('put/md5', {});
		const otherMd5 = crypto.createHash('md5').update('y').digest('base64');
		expectS3Error(
			await send(put.url, { headers: { 'content-md5': otherMd5 }, body: 'x' }),
			400,
			'BadDigest',
		);
		expectS3Error(
			await send(put.url, { headers: { 'content-md5': 'not-md5' }, body: 'x' }),
			400,
			'InvalidDigest',
		);
		const goodMd5 = crypto.createHash('md5').update('x').digest('base64');
		expect((await send(put.url, { headers: { 'content-md5': goodMd5 }, body: 'x' })).status).toBe(
			200,
		);
	});

	test('Transfer-Encoding: chunked -> 501 NotImplemented', async () => {
		const put = await storage.presignPut('put/chunked', {});
		const res = await send(put.url, { chunks: ['part one, ', 'part two'] });
		expectS3Error(
			res,
			501,
			'NotImplemented',
			'A header you provided implies functionality that is not implemented',
		);
		expect(xmlField(res.body, 'Header')).toBe('Transfer-Encoding');
		expect(storage.getObject('put/chunked')).toBeUndefined();
	});

	test('no Content-Length -> 411 MissingContentLength', async () => {
		const put = await storage.presignPut('put/no-length', {});
		const res = await raw(rawPut(target(put.url), [], ''));
		expect(res.status).toBe(411);
		expect(xmlField(res.text, 'Code')).toBe('MissingContentLength');
	});

	test('body shorter or longer than Content-Length -> 400 IncompleteBody, nothing stored', async () => {
		const short = await storage.presignPut('put/short', {});
		const res1 = await raw(rawPut(target(short.url), ['Content-Length: 10'], '12345'), {
			halfClose: true,
		});
		expect(res1.status).toBe(400);
		expect(xmlField(res1.text, 'Code')).toBe('IncompleteBody');

		const long = await storage.presignPut('put/long', {});
		const res2 = await raw(rawPut(target(long.url), ['Content-Length: 5'], '1234567890'));
		expect(res2.status).toBe(400);
		expect(xmlField(res2.text, 'Code')).toBe('IncompleteBody');
		expect(storage.getObject('put/short')).toBeUndefined();
		expect(storage.getObject('put/long')).toBeUndefined();
	});

	test('single PUT over 5 GiB -> 400 EntityTooLarge before any byte is read', async () => {
		const put = await storage.presignPut('put/huge', {});
		const res = await raw(rawPut(target(put.url), [`Content-Length: ${5 * 1024 * MiB + 1}`], ''));
		expect(res.status).toBe(400);
		expect(xmlField(res.text, 'Code')).toBe('EntityTooLarge');
		expect(xmlField(res.text, 'MaxSizeAllowed')).toBe(String(5 * 1024 * MiB));
	});

	test('Expect: 100-continue gets the error before the body is sent', async () => {
		const put = await storage.presignPut('put/continue', { contentType: 'text/plain' });
		const outcome = await new Promise((resolve, reject) => {
			let continued = false;
			const req = http.request(
				put.url,
				{
					method: 'PUT',
					agent: false,
					headers: { 'content-type': 'text/html', 'content-length': 5, expect: '100-continue' },
				},
				(res) => {
					res.resume();
					res.on('end', () => resolve({ status: res.statusCode, continued }));
				},
			);
			req.on('continue', () => {
				continued = true;
				req.end('hello');
			});
			req.on('error', reject);
			req.flushHeaders();
		});
		expect(outcome).toEqual({ status: 403, continued: false });
	});

	test('x-amz-acl must be a canned ACL, and is refused where ACLs are disabled', async () => {
		const bad = await storage.presignPut('put/bad-acl', {
			signedHeaders: { 'x-amz-acl': 'everyone' },
		});
		expectS3Error(await send(bad.url, { headers: bad.headers, body: 'x' }), 400, 'InvalidArgument');
		const noAcls = await startStorage({ aclsEnabled: false });
		try {
			const put = await noAcls.presignPut('k', { signedHeaders: { 'x-amz-acl': 'public-read' } });
			const res = await send(put.url, { headers: put.headers, body: 'x' });
			expectS3Error(res, 400, 'AccessControlListNotSupported');
		} finally {
			await noAcls.close();
		}
	});

	test("a signed x-amz-content-sha256 that is not the body's -> 400 XAmzContentSHA256Mismatch", async () => {
		const claimed = sha256(Buffer.from('another body'));
		const command = new PutObjectCommand({
			Bucket: storage.bucket,
			Key: 'put/payload-hash',
			Body: Buffer.from('the body sent'),
		});
		command.middlewareStack.add(
			(next) => (args) => {
				args.request.headers['x-amz-content-sha256'] = claimed;
				return next(args);
			},
			{ step: 'build', name: 'claimAnotherPayloadHash' },
		);
		const strict = new S3Client({
			region: storage.region,
			endpoint: storage.url,
			forcePathStyle: true,
			credentials: { accessKeyId: storage.accessKeyId, secretAccessKey: storage.secretAccessKey },
			maxAttempts: 1,
		});
		await expect(strict.send(command)).rejects.toMatchObject({
			name: 'XAmzContentSHA256Mismatch',
		});
		strict.destroy();
		expect(storage.getObject('put/payload-hash')).toBeUndefined();
	});

	test('Authorization-header SigV4 from the SDK client works and is verified too', async () => {
		const body = Buffer.from('signed with the Authorization header');
		await storage.client.send(
			new PutObjectCommand({
				Bucket: storage.bucket,
				Key: 'put/sdk',
				Body: body,
				ContentType: 'text/plain',
			}),
		);
		expect(storage.getObject('put/sdk').sha256).toBe(sha256(body));
		const got = await storage.client.send(
			new GetObjectCommand({ Bucket: storage.bucket, Key: 'put/sdk' }),
		);
		expect(await got.Body.transformToString()).toBe(body.toString());
		const list = await storage.client.send(
			new ListObjectsV2Command({ Bucket: storage.bucket, Prefix: 'put/sdk' }),
		);
		expect(list.Contents.map((c) => c.Key)).toEqual(['put/sdk']);

		const wrongSecret = new S3Client({
			region: storage.region,
			endpoint: storage.url,
			forcePathStyle: true,
			credentials: { accessKeyId: storage.accessKeyId, secretAccessKey: 'not-the-secret' },
			maxAttempts: 1,
		});
		await expect(
			wrongSecret.send(
				new PutObjectCommand({ Bucket: storage.bucket, Key: 'put/sdk-bad', Body: body }),
			),
		).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
		wrongSecret.destroy();
	});
});

// ---- POST policy -------------------------------------------------------------------------------

describe('presigned POST', () => {
	test('stores the file when every field is covered and the file comes last', async () => {
		const post = await storage.presignPost('post/${filename}', {
			contentType: 'image/png',
			maxBytes: MiB,
		});
		expect(post.method).toBe('POST');
		expect(post.url).toBe(`${storage.url}/${storage.bucket}`);
		const file = crypto.randomBytes(200 * 1024);
		const res = await postForm(post, formEntries(post, file));
		expect(res.status).toBe(204);
		expect(res.headers.etag).toBe(`"${md5Hex(file)}"`);
		expect(res.headers.location).toBe(`${storage.url}/${storage.bucket}/post/photo.png`);
		expect(storage.getObject('post/photo.png')).toMatchObject({
			sha256: sha256(file),
			contentType: 'image/png',
		});
	});

	test('a 16 MiB file streams through the form parser intact', async () => {
		const post = await storage.presignPost('post/large.bin', {
			contentTypePrefix: 'application/',
			maxBytes: 32 * MiB,
		});
		const file = crypto.randomBytes(16 * MiB);
		const entries = formEntries(post, file, [['Content-Type', 'application/octet-stream']]);
		const res = await postForm(post, entries);
		expect(res.status).toBe(204);
		expect(storage.getObject('post/large.bin').sha256).toBe(sha256(file));
	});

	test('success_action_status 201 answers with a PostResponse document', async () => {
		const post = await storage.presignPost('post/created', {
			fields: { success_action_status: '201' },
		});
		const res = await postForm(post, formEntries(post, Buffer.from('abc')));
		expect(res.status).toBe(201);
		expect(xmlField(res.body, 'Key')).toBe('post/created');
		expect(xmlField(res.body, 'Bucket')).toBe(storage.bucket);
	});

	test('file over content-length-range -> 400 EntityTooLarge', async () => {
		const post = await storage.presignPost('post/big', {
			contentType: 'image/png',
			maxBytes: 1000,
		});
		const res = await postForm(post, formEntries(post, crypto.randomBytes(1001)));
		expectS3Error(res, 400, 'EntityTooLarge');
		expect(xmlField(res.body, 'ProposedSize')).toBe('1001');
		expect(xmlField(res.body, 'MaxSizeAllowed')).toBe('1000');
		expect(storage.getObject('post/big')).toBeUndefined();
	});

	test('file under content-length-range -> 400 EntityTooSmall', async () => {
		const post = await storage.presignPost('post/small', { minBytes: 10, maxBytes: 1000 });
		expectS3Error(
			await postForm(post, formEntries(post, Buffer.from('tiny'))),
			400,
			'EntityTooSmall',
		);
	});

	test('a Content-Type the policy does not allow -> 403 AccessDenied', async () => {
		const post = await storage.presignPost('post/ctype', { contentType: 'image/png' });
		const fields = { ...post.fields, 'Content-Type': 'text/html' };
		const res = await postForm({ ...post, fields }, formEntries({ fields }, Buffer.from('<html>')));
		expectS3Error(
			res,
			403,
			'AccessDenied',
			'Invalid according to Policy: Policy Condition failed: ["eq", "$Content-Type", "image/png"]',
		);

		const prefixed = await storage.presignPost('post/prefix', { contentTypePrefix: 'image/' });
		const res2 = await postForm(
			prefixed,
			formEntries(prefixed, Buffer.from('x'), [['Content-Type', 'text/plain']]),
		);
		expectS3Error(res2, 403, 'AccessDenied');
		// The policy names Content-Type, so leaving the field out fails as well.
		expectS3Error(
			await postForm(prefixed, formEntries(prefixed, Buffer.from('x'))),
			403,
			'AccessDenied',
		);
	});

	test('a field no condition covers -> 403 "Extra input fields"', async () => {
		const post = await storage.presignPost('post/extra', {});
		const res = await postForm(
			post,
			formEntries(post, Buffer.from('x'), [['x-amz-meta-owner', 'me']]),
		);
		expectS3Error(
			res,
			403,
			'AccessDenied',
			'Invalid according to Policy: Extra input fields: x-amz-meta-owner',
		);
		// x-ignore-* fields are exempt.
		const ok = await postForm(
			post,
			formEntries(post, Buffer.from('x'), [['x-ignore-tracking', '1']]),
		);
		expect(ok.status).toBe(204);
	});

	test('a field after the file -> 400 InvalidArgument', async () => {
		const post = await storage.presignPost('post/order', {});
		const entries = Object.entries(post.fields);
		const keyLast = [
			...entries.filter(([k]) => k !== 'key'),
			['file', Buffer.from('x'), { filename: 'a.txt' }],
			['key', post.fields.key],
		];
		const res = await postForm(post, keyLast);
		expectS3Error(res, 400, 'InvalidArgument');
		expect(xmlField(res.body, 'ArgumentValue')).toBe('key');
		expect(storage.getObject('post/order')).toBeUndefined();
	});

	test('a tampered policy -> 403 SignatureDoesNotMatch', async () => {
		const post = await storage.presignPost('post/tampered', { maxBytes: 10 });
		const doc = JSON.parse(Buffer.from(post.fields.Policy, 'base64').toString());
		doc.conditions = doc.conditions.map((c) =>
			Array.isArray(c) && c[0] === 'content-length-range' ? [c[0], 0, 10 * MiB] : c,
		);
		const fields = { ...post.fields, Policy: Buffer.from(JSON.stringify(doc)).toString('base64') };
		const res = await postForm(
			{ ...post, fields },
			formEntries({ fields }, crypto.randomBytes(100)),
		);
		expectS3Error(res, 403, 'SignatureDoesNotMatch');
	});

	test('an expired policy -> 403 "Policy expired."', async () => {
		const post = await storage.presignPost('post/expired', {
			expiresIn: 60,
			signingDate: new Date(Date.now() - 3600 * 1000),
		});
		const res = await postForm(post, formEntries(post, Buffer.from('x')));
		expectS3Error(res, 403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
	});

	test('a form without a file or not multipart is refused', async () => {
		const post = await storage.presignPost('post/nofile', {});
		const res = await postForm(post, Object.entries(post.fields));
		expectS3Error(
			res,
			400,
			'InvalidArgument',
			'POST requires exactly one file upload per request.',
		);
		const urlencoded = await send(post.url, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'key=post%2Fnofile',
		});
		expectS3Error(urlencoded, 412, 'PreconditionFailed');
	});
});

// ---- multipart ---------------------------------------------------------------------------------

describe('multipart upload', () => {
	function completeXml(parts) {
		const body = parts
			.map((p) => `<Part><PartNumber>${p.partNumber}</PartNumber><ETag>${p.etag}</ETag></Part>`)
			.join('');
		return `<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${body}</CompleteMultipartUpload>`;
	}

	async function uploadParts(mpu, buffers) {
		const etags = [];
		for (const [i, buf] of buffers.entries()) {
			const res = await send(mpu.parts[i].url, { body: buf });
			expect(res.status).toBe(200);
			etags.push({ partNumber: i + 1, etag: res.headers.etag });
		}
		return etags;
	}

	test('two parts (5 MiB + a tail) complete into the concatenated object', async () => {
		const data = crypto.randomBytes(5 * MiB + 1234);
		const mpu = await storage.createMultipartUpload('mpu/ok.bin', {
			size: data.length,
			partSize: 5 * MiB,
			contentType: 'video/mp4',
		});
		expect(mpu).toMatchObject({ method: 'MULTIPART', partSize: 5 * MiB });
		expect(mpu.parts.map((p) => p.partNumber)).toEqual([1, 2]);
		const buffers = [data.subarray(0, 5 * MiB), data.subarray(5 * MiB)];
		const etags = await uploadParts(mpu, buffers);
		expect(etags[0].etag).toBe(`"${md5Hex(buffers[0])}"`);

		const res = await send(mpu.completeUrl, { method: 'POST', body: completeXml(etags) });
		expect(res.status).toBe(200);
		const partMd5s = Buffer.concat(buffers.map((b) => crypto.createHash('md5').update(b).digest()));
		const expectedEtag = `"${md5Hex(partMd5s)}-2"`;
		expect(xmlField(res.body, 'ETag')).toBe(expectedEtag);
		expect(storage.getObject('mpu/ok.bin')).toMatchObject({
			sha256: sha256(data),
			etag: expectedEtag,
			contentType: 'video/mp4',
		});
		expect(storage.listUploads().find((u) => u.uploadId === mpu.uploadId)).toBeUndefined();
	});

	test('a part under 5 MiB that is not the last -> EntityTooSmall at completion', async () => {
		const mpu = await storage.createMultipartUpload('mpu/small', { size: 2 * MiB, partSize: MiB });
		const etags = await uploadParts(mpu, [crypto.randomBytes(MiB), crypto.randomBytes(MiB)]);
		const res = await send(mpu.completeUrl, { method: 'POST', body: completeXml(etags) });
		expectS3Error(res, 400, 'EntityTooSmall');
		expect(xmlField(res.body, 'PartNumber')).toBe('1');
		expect(storage.getObject('mpu/small')).toBeUndefined();
	});

	test('a wrong ETag -> InvalidPart; parts out of order -> InvalidPartOrder', async () => {
		const mpu = await storage.createMultipartUpload('mpu/etag', { size: 10, partSize: 5 * MiB });
		const [part] = await uploadParts(mpu, [Buffer.from('0123456789')]);
		const wrong = await send(mpu.completeUrl, {
			method: 'POST',
			body: completeXml([{ ...part, etag: '"0000"' }]),
		});
		expectS3Error(wrong, 400, 'InvalidPart');
		const missing = await send(mpu.completeUrl, {
			method: 'POST',
			body: completeXml([part, { partNumber: 2, etag: part.etag }]),
		});
		expectS3Error(missing, 400, 'InvalidPart');
		const unordered = await send(mpu.completeUrl, {
			method: 'POST',
			body: completeXml([{ ...part, partNumber: 2 }, part]),
		});
		expectS3Error(unordered, 400, 'InvalidPartOrder');
		expectS3Error(
			await send(mpu.completeUrl, { method: 'POST', body: '<oops/>' }),
			400,
			'MalformedXML',
		);
	});

	test('abort removes the upload; later parts -> 404 NoSuchUpload', async () => {
		const mpu = await storage.createMultipartUpload('mpu/abort', { size: 10 });
		expect(storage.listUploads().map((u) => u.uploadId)).toContain(mpu.uploadId);
		const res = await send(mpu.abortUrl, { method: 'DELETE' });
		expect(res.status).toBe(204);
		expect(storage.listUploads().map((u) => u.uploadId)).not.toContain(mpu.uploadId);
		expectS3Error(await send(mpu.parts[0].url, { body: 'x' }), 404, 'NoSuchUpload');
		expectS3Error(await send(mpu.abortUrl, { method: 'DELETE' }), 404, 'NoSuchUpload');
	});

	test('part number outside 1..10000 -> 400 InvalidArgument', async () => {
		const mpu = await storage.createMultipartUpload('mpu/range', { size: 10 });
		const url = await getSignedUrl(
			storage.client,
			new UploadPartCommand({
				Bucket: storage.bucket,
				Key: 'mpu/range',
				UploadId: mpu.uploadId,
				PartNumber: 10001,
			}),
			{ expiresIn: 60 },
		);
		expectS3Error(await send(url, { body: 'x' }), 400, 'InvalidArgument');
	});

	test('a ChecksumSHA256 listed at completion is checked against the part as it was stored', async () => {
		const data = crypto.randomBytes(1234);
		const mpu = await storage.createMultipartUpload('mpu/sha', { size: data.length });
		const [part] = await uploadParts(mpu, [data]);
		const withChecksum = (value) =>
			completeXml([part]).replace('</ETag>', `</ETag><ChecksumSHA256>${value}</ChecksumSHA256>`);
		const other = crypto.createHash('sha256').update('other').digest('base64');
		const right = crypto.createHash('sha256').update(data).digest('base64');

		const wrong = await send(mpu.completeUrl, { method: 'POST', body: withChecksum(other) });
		expectS3Error(wrong, 400, 'InvalidPart');
		const res = await send(mpu.completeUrl, { method: 'POST', body: withChecksum(right) });
		expect(res.status).toBe(200);
		expect(storage.getObject('mpu/sha').sha256).toBe(sha256(data));
	});

	test('Content-MD5 on a part is checked', async () => {
		const mpu = await storage.createMultipartUpload('mpu/md5', { size: 10 });
		const res = await send(mpu.parts[0].url, {
			headers: { 'content-md5': 'AAAAAAAAAAAAAAAAAAAAAA==' },
			body: 'x',
		});
		expectS3Error(res, 400, 'BadDigest');
	});

	test('x-amz-checksum-crc32 signed for a part is checked against its body', async () => {
		const body = Buffer.from('the real part');
		const mpu = await storage.createMultipartUpload('mpu/crc', { size: body.length });
		const partUrl = async (checksum) =>
			await getSignedUrl(
				storage.client,
				new UploadPartCommand({
					Bucket: storage.bucket,
					Key: 'mpu/crc',
					UploadId: mpu.uploadId,
					PartNumber: 1,
					ChecksumCRC32: checksum,
				}),
				{
					expiresIn: 60,
					signableHeaders: new Set(['x-amz-checksum-crc32']),
					unhoistableHeaders: new Set(['x-amz-checksum-crc32']),
				},
			);
		const other = crc32Base64(Buffer.from('other content'));
		const wrong = await send(await partUrl(other), {
			headers: { 'x-amz-checksum-crc32': other },
			body,
		});
		expectS3Error(wrong, 400, 'BadDigest');
		expect(storage.listUploads().find((u) => u.uploadId === mpu.uploadId).parts).toEqual([]);

		const right = await send(await partUrl(crc32Base64(body)), {
			headers: { 'x-amz-checksum-crc32': crc32Base64(body) },
			body,
		});
		expect(right.status).toBe(200);
	});

	test('a part or a completion without a signature -> 403 AccessDenied; tampered -> SignatureDoesNotMatch', async () => {
		const mpu = await storage.createMultipartUpload('mpu/auth', { size: 10 });
		const unsigned = (url) => {
			const parsed = new URL(url);
			for (const name of [...parsed.searchParams.keys()]) {
				if (name.toLowerCase().startsWith('x-amz-')) parsed.searchParams.delete(name);
			}
			return parsed.toString();
		};
		const tampered = (url) =>
			url.replace(/(X-Amz-Signature=)([0-9a-f])/, (_m, p, c) => p + (c === '0' ? '1' : '0'));
		const part = Buffer.from('0123456789');

		expectS3Error(await send(unsigned(mpu.parts[0].url), { body: part }), 403, 'AccessDenied');
		expectS3Error(
			await send(tampered(mpu.parts[0].url), { body: part }),
			403,
			'SignatureDoesNotMatch',
		);
		expect(storage.listUploads().find((u) => u.uploadId === mpu.uploadId).parts).toEqual([]);

		const [stored] = await uploadParts(mpu, [part]);
		const complete = { method: 'POST', body: completeXml([stored]) };
		expectS3Error(await send(unsigned(mpu.completeUrl), complete), 403, 'AccessDenied');
		expectS3Error(await send(tampered(mpu.completeUrl), complete), 403, 'SignatureDoesNotMatch');
		expect(storage.getObject('mpu/auth')).toBeUndefined();
		expect((await send(mpu.completeUrl, complete)).status).toBe(200);
	});
});

// ---- faults and latency ------------------------------------------------------------------------

describe('fault injection', () => {
	test('503 on the nth matching request, with Retry-After; the faulted upload is not stored', async () => {
		storage.faults.inject({
			method: 'PUT',
			pathIncludes: '/fault/nth-',
			nth: 2,
			status: 503,
			retryAfter: 2,
		});
		const statuses = [];
		for (const n of [1, 2, 3]) {
			const put = await storage.presignPut(`fault/nth-${n}`, {});
			const res = await send(put.url, { body: 'x' });
			statuses.push(res.status);
			if (res.status === 503) {
				expectS3Error(res, 503, 'SlowDown', 'Please reduce your request rate.');
				expect(res.headers['retry-after']).toBe('2');
			}
		}
		expect(statuses).toEqual([200, 503, 200]);
		expect(storage.getObject('fault/nth-2')).toBeUndefined();
	});

	test('custom status and code, several times in a row', async () => {
		const fault = storage.faults.inject({
			pathIncludes: '/fault/times',
			times: 2,
			status: 500,
			code: 'InternalError',
		});
		const put = await storage.presignPut('fault/times', {});
		const codes = [];
		for (let i = 0; i < 3; i++) codes.push((await send(put.url, { body: 'x' })).status);
		expect(codes).toEqual([500, 500, 200]);
		expect(fault).toMatchObject({ matched: 3, fired: 2, done: true });
	});

	test('resetMidBody drops the connection mid-upload', async () => {
		storage.faults.inject({ method: 'PUT', pathIncludes: '/fault/reset', resetMidBody: true });
		storage.resetStats();
		const put = await storage.presignPut('fault/reset', {});
		const err = await send(put.url, { body: crypto.randomBytes(4 * MiB) }).catch((e) => e);
		expect(['ECONNRESET', 'EPIPE']).toContain(err && err.code);
		expect(storage.getObject('fault/reset')).toBeUndefined();
		expect(storage.stats.requests[0]).toMatchObject({
			method: 'PUT',
			path: '/sandbox-bucket/fault/reset',
			status: 0,
		});
		// The fault is spent: the retry goes through.
		expect((await send(put.url, { body: 'x' })).status).toBe(200);
	});

	test('latency keeps requests in flight together', async () => {
		const put = await storage.presignPut('fault/latency', {});
		expect((await send(put.url, { body: 'x' })).status).toBe(200);
		storage.setLatency(200);
		storage.resetStats();
		const started = Date.now();
		const results = await Promise.all([1, 2, 3].map(() => send(put.url, { body: 'x' })));
		expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(190);
		expect(storage.stats.maxInFlight).toBeGreaterThanOrEqual(2);
		expect(storage.stats.requests).toHaveLength(3);
		expect(storage.stats.inFlight).toBe(0);
	});

	test('a latency-only fault delays one request and lets it succeed', async () => {
		storage.faults.inject({ method: 'PUT', pathIncludes: '/fault/slow', latencyMs: 250 });
		const put = await storage.presignPut('fault/slow', {});
		const started = Date.now();
		expect((await send(put.url, { body: 'x' })).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(240);
		expect(storage.getObject('fault/slow')).toBeDefined();
	});
});
