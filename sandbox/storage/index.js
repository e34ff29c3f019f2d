'use strict';

// A strict, in-memory, S3-compatible storage server (path-style: /<bucket>/<key>) for tests,
// the demo and the benchmarks. It verifies what S3 verifies on presigned uploads — SigV4,
// expiry, signed headers, checksums, body framing, POST policies, multipart rules — and lets a
// test inject faults and latency. One file per operation; server.js routes requests to them.

const { verifyRequest, verifyPostSignature } = require('./sigv4');
const { Faults } = require('./faults');
const { createBucket } = require('./bucket');
const { createHttpServer } = require('./server');
const { createPresigner } = require('./presign');
const { partSizeFor } = require('./multipart');
const { MAX_PARTS } = require('./limits');
const { listen } = require('../listen');

const DEFAULTS = {
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
};

const freshStats = (inFlight = 0) => ({ requests: [], inFlight, maxInFlight: inFlight });

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
	const config = { ...DEFAULTS, ...options };
	const bucket = createBucket(config.bucket);
	const server = {
		config,
		bucket,
		faults: new Faults(),
		events: bucket.events,
		latencyMs: 0,
		stats: freshStats(),
		lookupCredentials: (id) =>
			id === config.accessKeyId
				? { secretAccessKey: config.secretAccessKey, sessionToken: config.sessionToken }
				: undefined,
	};
	const { url, close } = await listen(createHttpServer(server), config);
	bucket.url = url;
	const presigner = createPresigner({ ...config, url });

	return {
		url,
		bucket: config.bucket,
		region: config.region,
		accessKeyId: config.accessKeyId,
		secretAccessKey: config.secretAccessKey,
		/** S3Client pointed at the sandbox (WHEN_REQUIRED checksums, path style). */
		client: presigner.client,
		faults: server.faults,
		get stats() {
			return server.stats;
		},
		resetStats() {
			server.stats = freshStats(server.stats.inFlight);
		},
		setLatency(ms) {
			server.latencyMs = Math.max(0, Number(ms) || 0);
		},
		on: (event, listener) => bucket.events.on(event, listener),
		off: (event, listener) => bucket.events.off(event, listener),

		presignPut: presigner.presignPut,
		presignGet: presigner.presignGet,
		presignPost: presigner.presignPost,
		async createMultipartUpload(
			key,
			{ size = 0, partSize, contentType, expiresIn = 900, signingDate } = {},
		) {
			const chosen = partSize ?? partSizeFor(size);
			const count = Math.max(1, Math.ceil(size / chosen));
			if (count > MAX_PARTS)
				throw new Error(`${count} parts of ${chosen} bytes exceed the ${MAX_PARTS}-part limit`);
			const headers = contentType !== undefined ? { 'content-type': contentType } : {};
			const uploadId = bucket.createUpload(key, contentType, headers);
			const signed = await presigner.presignMultipart(key, uploadId, count, {
				expiresIn,
				signingDate,
			});
			return { method: 'MULTIPART', uploadId, key, partSize: chosen, ...signed };
		},

		getObject(key) {
			const o = bucket.objects.get(key);
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
			return [...bucket.objects.keys()].sort();
		},
		deleteObject(key) {
			return bucket.objects.delete(key);
		},
		/** Multipart uploads still open (neither completed nor aborted). */
		listUploads() {
			return [...bucket.uploads.values()].map((u) => ({
				uploadId: u.uploadId,
				key: u.key,
				parts: [...u.parts.keys()].sort((a, b) => a - b),
			}));
		},
		clear: () => bucket.clear(),
		async close() {
			server.faults.clear();
			presigner.client.destroy();
			await close();
		},
	};
}

module.exports = {
	startStorage,
	verifyRequest,
	verifyPresignedRequest: verifyRequest,
	verifyPostSignature,
};
