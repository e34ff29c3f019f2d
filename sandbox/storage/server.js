'use strict';

// The HTTP side of the storage: one context per request, the request log and in-flight counts,
// injected faults, the bucket and key checks, then the operation.

const http = require('node:http');
const crypto = require('node:crypto');
const { setTimeout: sleep } = require('node:timers/promises');

const { S3Error, s3error, errorXml } = require('./s3-errors');
const { splitTarget, parseQuery, headerMap } = require('./sigv4');
const { faultError } = require('./faults');
const { kContext, ClientGone, readBody, installClientErrorHandler } = require('./http-body');
const { refuseLongKey } = require('./limits');
const { operationFor, handlerOf } = require('./routes');
const { requestId, sendError } = require('./request');

/** An injected fault: answer with its status, or reset the connection halfway through the body. */
async function applyFault(ctx, fault) {
	ctx.faultLatency = fault.latencyMs;
	if (fault.resetMidBody) {
		if (fault.latencyMs) await sleep(fault.latencyMs);
		const length = Number(ctx.req.headers['content-length'] || 0);
		ctx.entry.fault = 'reset';
		ctx.entry.status = 0; // no answer; set now, the client may notice the reset first
		await readBody(ctx, {
			timeoutMs: ctx.server.config.bodyTimeoutMs,
			resetAfter: Math.floor(length / 2),
		});
		return true;
	}
	if (fault.status) {
		ctx.entry.fault = 'status';
		throw faultError(fault);
	}
	return false;
}

async function dispatch(ctx) {
	const { req, server } = ctx;
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

	const fault = server.faults.take(req.method, req.url);
	if (fault && (await applyFault(ctx, fault))) return;

	if (bucket !== '' && bucket !== server.bucket.name)
		throw s3error(404, 'NoSuchBucket', undefined, { BucketName: bucket });
	refuseLongKey(key);
	const handler = handlerOf(operation);
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

async function handle(server, req, res, expectContinue = false) {
	const stats = server.stats;
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
	server.events.emit('arrival', entry);
	const ctx = {
		server,
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
	res.once('close', () => {
		ctx.finished = true;
		if (req.socket && req.socket[kContext] === ctx) req.socket[kContext] = undefined;
		stats.inFlight -= 1;
		if (!res.headersSent) entry.status = 0;
		server.events.emit('request', entry);
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

/**
 * The storage's HTTP server. `server` is the shared state every request sees:
 * { config, bucket, faults, events, lookupCredentials, latencyMs, stats }.
 */
function createHttpServer(server) {
	const httpServer = http.createServer((req, res) => handle(server, req, res));
	httpServer.on('checkContinue', (req, res) => handle(server, req, res, true));
	installClientErrorHandler(httpServer, () => {
		const body = errorXml(
			s3error(400, 'BadRequest', 'An error occurred when parsing the HTTP request.'),
			requestId(),
			'',
		);
		return `HTTP/1.1 400 Bad Request\r\nContent-Type: application/xml\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
	});
	return httpServer;
}

module.exports = { createHttpServer };
