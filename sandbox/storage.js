'use strict';

// A strict, in-memory, S3-compatible storage server (path-style: /<bucket>/<key>) for tests,
// the demo and the benchmarks. It verifies what S3 verifies on presigned uploads — SigV4,
// expiry, signed headers, checksums, body framing, POST policies, multipart rules — and lets a
// test inject faults and latency.

const http = require('node:http');
const crypto = require('node:crypto');
const { EventEmitter } = require('node:events');
const { setTimeout: sleep } = require('node:timers/promises');

const { S3Error, s3error, errorXml } = require('./s3-errors');
const {
	verifyRequest,
	verifyPostSignature,
	splitTarget,
	parseQuery,
	headerMap,
	uriEncode,
} = require('./sigv4');
const { BodyDigest, expectedIntegrity, algorithmsNeeded, verifyIntegrity } = require('./checksums');
const { lookupFrom, metadataNames, storedMetadata } = require('./object-metadata');
const { receivePostObject } = require('./post-object');
const { Faults, faultError } = require('./faults');
const {
	kContext,
	ClientGone,
	declaredLength,
	readBody,
	drain,
	installClientErrorHandler,
} = require('./http-body');
const xml = require('./s3-xml');
const { createPresigner } = require('./presign');

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const MAX_OBJECT_PUT = 5 * GiB;
const MAX_PART_SIZE = 5 * GiB;
const MIN_PART_SIZE = 5 * MiB;
const MAX_PARTS = 10000;
const MAX_KEY_BYTES = 1024;
const MAX_COMPLETE_BODY = 4 * MiB;
const PREALLOCATE_LIMIT = 512 * MiB;

function requestId() {
	return crypto.randomBytes(8).toString('hex').toUpperCase();
}

function multipartEtag(parts) {
	const md5 = crypto.createHash('md5');
	for (const part of parts) md5.update(part.md5);
	return `"${md5.digest('hex')}-${parts.length}"`;
}

function checkPayloadHash(auth, digest) {
	const claimed = auth.payloadHash;
	if (claimed && /^[0-9a-f]{64}$/.test(claimed) && claimed !== digest.sha256Hex) {
		throw s3error(
			400,
			'XAmzContentSHA256Mismatch',
			"The provided 'x-amz-content-sha256' header does not match what was computed.",
			{
				ClientComputedContentSHA256: claimed,
				S3ComputedContentSHA256: digest.sha256Hex,
			},
		);
	}
}

function checksumResponseHeaders(claims) {
	return claims.checksum
		? { [`x-amz-checksum-${claims.checksum.algorithm}`]: claims.checksum.value }
		: {};
}

/**
 * Starts the sandbox.
 * @param {object} [options]
 * @param {number} [options.port] default 0 (any free port)
 * @param {string} [options.host] default 127.0.0.1
 * @param {string} [options.bucket] default "sandbox-bucket"
 * @param {string} [options.region] default "us-east-1"
 * @param {string} [options.accessKeyId]
 * @param {string} [options.secretAccessKey]
 * @param {string} [options.sessionToken] when set, every signed request must carry it
 * @param {boolean} [options.allowAnonymousRead] unsigned GET/HEAD allowed; default true
 * @param {boolean} [options.aclsEnabled] false answers x-amz-acl like a bucket with ACLs disabled
 * @param {number} [options.bodyTimeoutMs] idle time while reading a body before RequestTimeout; default 20000
 * @param {() => Date} [options.now] server clock (expiry checks)
 */
async function startStorage(options = {}) {
	const config = {
		host: '127.0.0.1',
		port: 0,
		bucket: 'sandbox-bucket',
		region: 'us-east-1',
		accessKeyId: 'AKIASANDBOXEXAMPLE',
		secretAccessKey: 'sandbox-secret-key',
		sessionToken: undefined,
		allowAnonymousRead: true,
		aclsEnabled: true,
		bodyTimeoutMs: 20000,
		now: () => new Date(),
		...options,
	};
	const objects = new Map();
	const uploads = new Map();
	const faults = new Faults();
	const events = new EventEmitter();
	let latencyMs = 0;
	let stats = { requests: [], inFlight: 0, maxInFlight: 0 };
	let baseUrl;

	const lookupCredentials = (id) =>
		id === config.accessKeyId
			? { secretAccessKey: config.secretAccessKey, sessionToken: config.sessionToken }
			: undefined;
	const objectUrl = (key) => `${baseUrl}/${config.bucket}/${uriEncode(key, false)}`;

	function putObject(key, body, digest, contentType, headers) {
		const object = {
			key,
			body,
			size: digest.size,
			sha256: digest.sha256Hex,
			md5: digest.md5Hex,
			etag: digest.etag || `"${digest.md5Hex}"`,
			contentType: contentType || 'binary/octet-stream',
			headers,
			lastModified: new Date(),
		};
		objects.set(key, object);
		events.emit('object', key);
		return object;
	}

	// ---- responses ---------------------------------------------------------------------------

	async function send(ctx, status, headers = {}, body) {
		const delay = latencyMs + ctx.faultLatency;
		if (delay > 0) await sleep(delay);
		const { res } = ctx;
		if (ctx.gone || res.headersSent || res.destroyed) return;
		const payload =
			body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(body);
		res.statusCode = status;
		res.setHeader('x-amz-request-id', ctx.requestId);
		res.setHeader('x-amz-id-2', ctx.hostId);
		res.setHeader('Server', 'AmazonS3');
		for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
		if (!res.hasHeader('Content-Length')) res.setHeader('Content-Length', payload.length);
		if (ctx.closeAfter) res.setHeader('Connection', 'close');
		ctx.entry.status = status;
		res.end(ctx.req.method === 'HEAD' ? undefined : payload);
	}

	async function sendError(ctx, err) {
		if (err.close) ctx.closeAfter = true;
		else await drain(ctx, config.bodyTimeoutMs);
		const body = errorXml(err, ctx.requestId, ctx.hostId);
		await send(ctx, err.status, { 'Content-Type': 'application/xml', ...err.headers }, body);
	}

	// ---- operations ----------------------------------------------------------------------------

	/**
	 * Reads a body of `length` bytes into one Buffer while hashing it. The buffer is allocated
	 * up front (one copy of the data, not chunks plus a concatenation) unless the announced
	 * length is too large to reserve before the bytes actually arrive.
	 */
	async function receive(ctx, length, claims) {
		const digest = new BodyDigest(algorithmsNeeded(claims));
		const target = length <= PREALLOCATE_LIMIT ? Buffer.allocUnsafe(length) : undefined;
		const chunks = [];
		let offset = 0;
		await readBody(ctx, {
			timeoutMs: config.bodyTimeoutMs,
			onChunk: (chunk) => {
				digest.update(chunk);
				if (target) chunk.copy(target, offset);
				else chunks.push(chunk);
				offset += chunk.length;
			},
		});
		const result = digest.finish();
		verifyIntegrity(claims, result);
		return { digest: result, body: target ? target.subarray(0, offset) : Buffer.concat(chunks) };
	}

	async function opPutObject(ctx, key) {
		const length = declaredLength(ctx.req);
		if (length > MAX_OBJECT_PUT) {
			throw s3error(
				400,
				'EntityTooLarge',
				undefined,
				{ ProposedSize: length, MaxSizeAllowed: MAX_OBJECT_PUT },
				{ close: true },
			);
		}
		const auth = authenticate(ctx);
		const get = lookupFrom(ctx.headers, ctx.queryPairs);
		const headers = storedMetadata(get, metadataNames(ctx.headers, ctx.queryPairs), config);
		const claims = expectedIntegrity(get);
		const { digest, body } = await receive(ctx, length, claims);
		checkPayloadHash(auth, digest);
		const object = putObject(key, body, digest, headers['content-type'], headers);
		await send(ctx, 200, { ETag: object.etag, ...checksumResponseHeaders(claims) });
	}

	function findUpload(ctx, key) {
		const uploadId = ctx.query.get('uploadId');
		const upload = uploads.get(uploadId);
		if (!upload || upload.key !== key)
			throw s3error(404, 'NoSuchUpload', undefined, { UploadId: uploadId });
		return upload;
	}

	async function opUploadPart(ctx, key) {
		const length = declaredLength(ctx.req);
		const raw = ctx.query.get('partNumber');
		const partNumber = Number(raw);
		if (!/^\d+$/.test(raw) || partNumber < 1 || partNumber > MAX_PARTS) {
			throw s3error(
				400,
				'InvalidArgument',
				'Part number must be an integer between 1 and 10000, inclusive',
				{
					ArgumentName: 'partNumber',
					ArgumentValue: raw,
				},
			);
		}
		if (length > MAX_PART_SIZE) {
			throw s3error(
				400,
				'EntityTooLarge',
				undefined,
				{ ProposedSize: length, MaxSizeAllowed: MAX_PART_SIZE },
				{ close: true },
			);
		}
		const auth = authenticate(ctx);
		const upload = findUpload(ctx, key);
		const claims = expectedIntegrity(lookupFrom(ctx.headers, ctx.queryPairs));
		const { digest, body } = await receive(ctx, length, claims);
		checkPayloadHash(auth, digest);
		if (!uploads.has(upload.uploadId)) {
			throw s3error(404, 'NoSuchUpload', undefined, { UploadId: upload.uploadId }); // aborted meanwhile
		}
		upload.parts.set(partNumber, {
			partNumber,
			size: digest.size,
			etag: digest.md5Hex,
			md5: digest.md5,
			body,
			checksums: digest.checksums,
			lastModified: new Date(),
		});
		await send(ctx, 200, { ETag: `"${digest.md5Hex}"`, ...checksumResponseHeaders(claims) });
	}

	function createUpload(key, contentType, headers) {
		const uploadId = crypto.randomBytes(32).toString('base64url');
		uploads.set(uploadId, {
			uploadId,
			key,
			contentType,
			headers,
			parts: new Map(),
			initiated: new Date(),
		});
		return uploadId;
	}

	async function opCreateMultipartUpload(ctx, key) {
		declaredLength(ctx.req);
		authenticate(ctx);
		const get = lookupFrom(ctx.headers, ctx.queryPairs);
		const headers = storedMetadata(get, metadataNames(ctx.headers, ctx.queryPairs), config);
		await drain(ctx, config.bodyTimeoutMs);
		const uploadId = createUpload(key, headers['content-type'], headers);
		await send(
			ctx,
			200,
			{ 'Content-Type': 'application/xml' },
			xml.initiateResult({ bucket: config.bucket, key, uploadId }),
		);
	}

	async function opCompleteMultipartUpload(ctx, key) {
		const length = declaredLength(ctx.req);
		if (length > MAX_COMPLETE_BODY)
			throw s3error(400, 'MalformedXML', undefined, {}, { close: true });
		authenticate(ctx);
		const upload = findUpload(ctx, key);
		// x-amz-checksum-* on this request describe the whole object, not the XML body.
		const md5Only = (name) =>
			name === 'content-md5' ? ctx.headers.get(name)?.join(',') : undefined;
		const { body } = await receive(ctx, length, expectedIntegrity(md5Only));
		const listed = xml.parseCompleteMultipartUpload(body.toString('utf8'));
		listed.forEach((entry, i) => {
			if (i > 0 && entry.partNumber <= listed[i - 1].partNumber) {
				throw s3error(400, 'InvalidPartOrder', undefined, { UploadId: upload.uploadId });
			}
		});
		const chosen = [];
		for (const entry of listed) {
			const part = upload.parts.get(entry.partNumber);
			if (!part || part.etag !== entry.etag) {
				throw s3error(400, 'InvalidPart', undefined, {
					UploadId: upload.uploadId,
					PartNumber: entry.partNumber,
					ETag: `"${entry.etag}"`,
				});
			}
			for (const [algorithm, value] of Object.entries(entry.checksums)) {
				if (part.checksums[algorithm] !== undefined && part.checksums[algorithm] !== value) {
					throw s3error(400, 'InvalidPart', undefined, {
						UploadId: upload.uploadId,
						PartNumber: entry.partNumber,
					});
				}
			}
			chosen.push(part);
		}
		chosen.slice(0, -1).forEach((part) => {
			if (part.size < MIN_PART_SIZE) {
				throw s3error(400, 'EntityTooSmall', undefined, {
					ProposedSize: part.size,
					MinSizeAllowed: MIN_PART_SIZE,
					PartNumber: part.partNumber,
					ETag: `"${part.etag}"`,
				});
			}
		});
		const data = Buffer.concat(chosen.map((p) => p.body));
		const digest = new BodyDigest();
		digest.update(data);
		const etag = multipartEtag(chosen);
		uploads.delete(upload.uploadId);
		putObject(key, data, { ...digest.finish(), etag }, upload.contentType, upload.headers);
		const result = xml.completeResult({
			location: objectUrl(key),
			bucket: config.bucket,
			key,
			etag,
		});
		await send(ctx, 200, { 'Content-Type': 'application/xml' }, result);
	}

	async function opAbortMultipartUpload(ctx, key) {
		authenticate(ctx);
		const upload = findUpload(ctx, key);
		uploads.delete(upload.uploadId);
		await drain(ctx, config.bodyTimeoutMs);
		await send(ctx, 204);
	}

	async function opDeleteObject(ctx, key) {
		authenticate(ctx);
		objects.delete(key);
		await drain(ctx, config.bodyTimeoutMs);
		await send(ctx, 204);
	}

	async function opGetObject(ctx, key) {
		authenticate(ctx, { read: true });
		await drain(ctx, config.bodyTimeoutMs);
		const object = objects.get(key);
		if (!object) throw s3error(404, 'NoSuchKey', undefined, { Key: key });
		await send(
			ctx,
			200,
			{
				...object.headers,
				'Content-Type': object.contentType,
				'Content-Length': object.size,
				ETag: object.etag,
				'Last-Modified': object.lastModified.toUTCString(),
				'Accept-Ranges': 'bytes',
			},
			object.body,
		);
	}

	async function opListObjects(ctx) {
		authenticate(ctx, { read: true });
		await drain(ctx, config.bodyTimeoutMs);
		const prefix = ctx.query.get('prefix') || '';
		const listed = [...objects.entries()]
			.filter(([key]) => key.startsWith(prefix))
			.sort(([a], [b]) => (a < b ? -1 : 1));
		await send(
			ctx,
			200,
			{ 'Content-Type': 'application/xml' },
			xml.listResult({ bucket: config.bucket, prefix, objects: listed }),
		);
	}

	/** Browser-based upload: multipart/form-data POST to /<bucket>, authorised by a signed policy. */
	/** Browser-based upload: multipart/form-data POST to /<bucket>, authorised by a signed policy. */
	async function opPostObject(ctx) {
		const length = declaredLength(ctx.req);
		const { key, data, digest, claims, headers, fields } = await receivePostObject(ctx, length, {
			...config,
			lookupCredentials,
			preallocateLimit: PREALLOCATE_LIMIT,
		});
		if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
			throw s3error(400, 'KeyTooLongError', 'Your key is too long');
		}
		const object = putObject(key, data, digest, headers['content-type'], headers);

		const location = objectUrl(key);
		const answer = { ETag: object.etag, Location: location, ...checksumResponseHeaders(claims) };
		const target = URL.parse(fields.success_action_redirect ?? '');
		if (target) {
			target.searchParams.set('bucket', config.bucket);
			target.searchParams.set('key', key);
			target.searchParams.set('etag', object.etag);
			await send(ctx, 303, { ...answer, Location: target.toString() });
			return;
		}
		const status = { 200: 200, 201: 201 }[fields.success_action_status] || 204;
		if (status === 201) {
			const body = xml.postResponse({ location, bucket: config.bucket, key, etag: object.etag });
			await send(ctx, 201, { ...answer, 'Content-Type': 'application/xml' }, body);
		} else {
			await send(ctx, status, answer);
		}
	}

	// ---- dispatch ------------------------------------------------------------------------------

	function authenticate(ctx, { read = false } = {}) {
		const auth = verifyRequest({
			method: ctx.req.method,
			url: ctx.req.url,
			headers: ctx.headers,
			region: config.region,
			lookupCredentials,
			now: config.now(),
		});
		if (auth.type === 'anonymous' && !(read && config.allowAnonymousRead))
			throw s3error(403, 'AccessDenied');
		return auth;
	}

	function operationFor(method, key, query) {
		if (key === '') {
			if (method === 'POST') return 'PostObject';
			if (method === 'GET') return 'ListObjects';
			if (method === 'HEAD') return 'HeadBucket';
			return 'Unsupported';
		}
		if (method === 'PUT') {
			if (query.has('x-amz-copy-source')) return 'Unsupported';
			return query.has('uploadId') || query.has('partNumber') ? 'UploadPart' : 'PutObject';
		}
		if (method === 'POST') {
			if (query.has('uploads')) return 'CreateMultipartUpload';
			if (query.has('uploadId')) return 'CompleteMultipartUpload';
			return 'Unsupported';
		}
		if (method === 'DELETE') return query.has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject';
		if (method === 'GET' || method === 'HEAD') {
			if (query.has('uploadId')) return 'Unsupported';
			return method === 'GET' ? 'GetObject' : 'HeadObject';
		}
		return 'Unsupported';
	}

	const OPERATIONS = {
		PutObject: opPutObject,
		UploadPart: opUploadPart,
		CreateMultipartUpload: opCreateMultipartUpload,
		CompleteMultipartUpload: opCompleteMultipartUpload,
		AbortMultipartUpload: opAbortMultipartUpload,
		DeleteObject: opDeleteObject,
		GetObject: opGetObject,
		HeadObject: opGetObject,
		ListObjects: opListObjects,
		HeadBucket: async (ctx) => {
			authenticate(ctx, { read: true });
			await send(ctx, 200);
		},
		PostObject: opPostObject,
	};

	async function dispatch(ctx) {
		const { req } = ctx;
		const { rawPath, rawQuery } = splitTarget(req.url);
		ctx.entry.path = rawPath;
		ctx.queryPairs = parseQuery(rawQuery);
		ctx.query = new Map(ctx.queryPairs.map(([n, v]) => [n, v]).reverse());
		ctx.headers = headerMap(req.rawHeaders);
		const slash = rawPath.indexOf('/', 1);
		const bucket = decodeURIComponent(slash === -1 ? rawPath.slice(1) : rawPath.slice(1, slash));
		const key = slash === -1 ? '' : decodeURIComponent(rawPath.slice(slash + 1));
		const operation = bucket === '' ? 'Unsupported' : operationFor(req.method, key, ctx.query);
		ctx.entry.operation = operation;

		const fault = faults.take(req.method, req.url);
		if (fault) {
			ctx.faultLatency = fault.latencyMs;
			if (fault.resetMidBody) {
				if (fault.latencyMs) await sleep(fault.latencyMs);
				const length = Number(req.headers['content-length'] || 0);
				ctx.entry.fault = 'reset';
				ctx.entry.status = 0; // no answer; set now, the client may notice the reset first
				await readBody(ctx, {
					timeoutMs: config.bodyTimeoutMs,
					resetAfter: Math.floor(length / 2),
				});
				return;
			}
			if (fault.status) {
				ctx.entry.fault = 'status';
				throw faultError(fault);
			}
		}

		if (bucket !== '' && bucket !== config.bucket)
			throw s3error(404, 'NoSuchBucket', undefined, { BucketName: bucket });
		if (Buffer.byteLength(key) > MAX_KEY_BYTES)
			throw s3error(400, 'KeyTooLongError', 'Your key is too long');
		const handler = OPERATIONS[operation];
		if (!handler) {
			throw s3error(
				501,
				'NotImplemented',
				'A header you provided implies functionality that is not implemented',
				{
					Method: req.method,
					ResourceType: key ? 'OBJECT' : 'BUCKET',
				},
			);
		}
		await handler(ctx, key);
	}

	async function handle(req, res, expectContinue = false) {
		stats.inFlight += 1;
		stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
		const entry = {
			method: req.method,
			path: req.url.split('?')[0],
			operation: undefined,
			status: null,
			inFlightAtStart: stats.inFlight,
		};
		stats.requests.push(entry);
		const ctx = {
			req,
			res,
			entry,
			requestId: requestId(),
			hostId: crypto.randomBytes(24).toString('base64'),
			faultLatency: 0,
			expectContinue,
			gone: false,
			closeAfter: false,
			finished: false,
		};
		req.socket[kContext] = ctx;
		const counted = stats;
		res.once('close', () => {
			ctx.finished = true;
			if (req.socket && req.socket[kContext] === ctx) req.socket[kContext] = undefined;
			counted.inFlight -= 1;
			if (!res.headersSent) entry.status = 0;
			events.emit('request', entry);
		});
		try {
			await dispatch(ctx);
		} catch (err) {
			if (err instanceof ClientGone || ctx.gone) return;
			let failure = err;
			if (err instanceof URIError)
				failure = s3error(400, 'InvalidURI', "Couldn't parse the specified URI.");
			else if (!(err instanceof S3Error)) {
				process.emitWarning(`storage sandbox: ${err && err.stack ? err.stack : err}`);
				failure = s3error(500, 'InternalError');
			}
			await sendError(ctx, failure).catch(() => {});
		}
	}

	const server = http.createServer((req, res) => handle(req, res));
	server.on('checkContinue', (req, res) => handle(req, res, true));
	installClientErrorHandler(server, () => {
		const body = errorXml(
			s3error(400, 'BadRequest', 'An error occurred when parsing the HTTP request.'),
			requestId(),
			'',
		);
		return `HTTP/1.1 400 Bad Request\r\nContent-Type: application/xml\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.port, config.host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	baseUrl = `http://${config.host}:${server.address().port}`;
	const presigner = createPresigner({ ...config, url: baseUrl });

	const storage = {
		url: baseUrl,
		bucket: config.bucket,
		region: config.region,
		accessKeyId: config.accessKeyId,
		secretAccessKey: config.secretAccessKey,
		/** S3Client pointed at the sandbox (WHEN_REQUIRED checksums, path style). */
		client: presigner.client,
		faults,
		get stats() {
			return stats;
		},
		resetStats() {
			stats = { requests: [], inFlight: stats.inFlight, maxInFlight: stats.inFlight };
		},
		setLatency(ms) {
			latencyMs = Math.max(0, Number(ms) || 0);
		},
		on: (event, listener) => events.on(event, listener),
		off: (event, listener) => events.off(event, listener),

		presignPut: presigner.presignPut,
		presignGet: presigner.presignGet,
		presignPost: presigner.presignPost,
		async createMultipartUpload(
			key,
			{ size = 0, partSize, contentType, expiresIn = 900, signingDate } = {},
		) {
			const chosen = partSize ?? Math.max(MIN_PART_SIZE, Math.ceil(size / MAX_PARTS));
			const count = Math.max(1, Math.ceil(size / chosen));
			if (count > MAX_PARTS)
				throw new Error(`${count} parts of ${chosen} bytes exceed the ${MAX_PARTS}-part limit`);
			const headers = contentType !== undefined ? { 'content-type': contentType } : {};
			const uploadId = createUpload(key, contentType, headers);
			const signed = await presigner.presignMultipart(key, uploadId, count, {
				expiresIn,
				signingDate,
			});
			return { method: 'MULTIPART', uploadId, key, partSize: chosen, ...signed };
		},

		getObject(key) {
			const o = objects.get(key);
			if (!o) return undefined;
			return {
				size: o.size,
				sha256: o.sha256,
				md5: o.md5,
				contentType: o.contentType,
				etag: o.etag,
				body: o.body,
				headers: { ...o.headers },
				lastModified: o.lastModified,
			};
		},
		listObjects() {
			return [...objects.keys()].sort();
		},
		deleteObject(key) {
			return objects.delete(key);
		},
		/** Multipart uploads still open (neither completed nor aborted). */
		listUploads() {
			return [...uploads.values()].map((u) => ({
				uploadId: u.uploadId,
				key: u.key,
				parts: [...u.parts.keys()].sort((a, b) => a - b),
			}));
		},
		clear() {
			objects.clear();
			uploads.clear();
		},
		async close() {
			faults.clear();
			presigner.client.destroy();
			await new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
	return storage;
}

module.exports = {
	startStorage,
	verifyRequest,
	verifyPresignedRequest: verifyRequest,
	verifyPostSignature,
};
