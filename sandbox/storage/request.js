'use strict';

// What every operation does with its request: authenticate it, read its body while hashing it,
// and answer in S3's manner. `ctx.server` is the running storage (config, bucket, latency).

const crypto = require('node:crypto');
const { setTimeout: sleep } = require('node:timers/promises');

const { s3error, errorXml } = require('./s3-errors');
const { verifyRequest } = require('./sigv4');
const { BodyDigest, algorithmsNeeded, verifyIntegrity } = require('./checksums');
const { readBody, drain } = require('./http-body');
const { PREALLOCATE_LIMIT } = require('./limits');

function requestId() {
	return crypto.randomBytes(8).toString('hex').toUpperCase();
}

function authenticate(ctx, { read = false } = {}) {
	const { config, lookupCredentials } = ctx.server;
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

/** Consumes the rest of the body so the client reads the answer, not a reset. */
async function drainBody(ctx) {
	await drain(ctx, ctx.server.config.bodyTimeoutMs);
}

/** Whether the request claims a SHA-256 of its body that must be checked as it arrives. */
function claimsSha256(auth, claims) {
	return /^[0-9a-f]{64}$/.test(auth.payloadHash ?? '') || claims.checksum?.algorithm === 'sha256';
}

/**
 * Reads a body of `length` bytes into one Buffer while hashing it (SHA-256 only with `sha256`). The buffer is allocated
 * up front (one copy of the data, not chunks plus a concatenation) unless the announced
 * length is too large to reserve before the bytes actually arrive.
 */
async function receive(ctx, length, claims, { sha256 = true } = {}) {
	const digest = new BodyDigest(algorithmsNeeded(claims), { sha256 });
	const target = length <= PREALLOCATE_LIMIT ? Buffer.allocUnsafe(length) : undefined;
	const chunks = [];
	let offset = 0;
	await readBody(ctx, {
		timeoutMs: ctx.server.config.bodyTimeoutMs,
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

async function send(ctx, status, headers = {}, body) {
	const delay = ctx.server.latencyMs + ctx.faultLatency;
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
	else await drainBody(ctx);
	const body = errorXml(err, ctx.requestId, ctx.hostId);
	await send(ctx, err.status, { 'Content-Type': 'application/xml', ...err.headers }, body);
}

module.exports = {
	authenticate,
	claimsSha256,
	receive,
	checkPayloadHash,
	checksumResponseHeaders,
	drainBody,
	send,
	sendError,
	requestId,
};
