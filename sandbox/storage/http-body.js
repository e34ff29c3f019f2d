'use strict';

// Request bodies framed the way S3 insists on: a Content-Length, no chunked transfer coding,
// exactly as many bytes as announced, and no silence longer than the idle timeout.

const { s3error } = require('./s3-errors');

const kContext = Symbol('sandbox.requestContext');

/** Thrown when the client went away; nothing can be answered. */
class ClientGone extends Error {
	constructor() {
		super('client connection closed');
		this.name = 'ClientGone';
	}
}

/** Content-Length of a PUT/POST, or the S3 error for a body S3 would not accept. */
function declaredLength(req) {
	if (req.headers['transfer-encoding'] !== undefined) {
		throw s3error(501, 'NotImplemented', undefined, { Header: 'Transfer-Encoding' });
	}
	const raw = req.headers['content-length'];
	// Without a length Node sees an empty body and would parse the bytes after it as a new request.
	if (raw === undefined) throw s3error(411, 'MissingContentLength', undefined, {}, { close: true });
	if (!/^\d+$/.test(raw)) {
		throw s3error(
			400,
			'InvalidArgument',
			'Content-Length must be a non-negative integer',
			{
				ArgumentName: 'Content-Length',
				ArgumentValue: raw,
			},
			{ close: true },
		);
	}
	return Number(raw);
}

function incomplete(message) {
	return s3error(400, 'IncompleteBody', message, {}, { close: true });
}

function fromClientError(err, ctx) {
	if (err.code === 'ECONNRESET' || err.code === 'EPIPE') return new ClientGone();
	if (err.code === 'HPE_INVALID_EOF_STATE') return incomplete();
	if (ctx.bodyDone)
		return incomplete('The request body was longer than its Content-Length header.');
	return incomplete('The request body does not match its framing (Content-Length or chunk sizes).');
}

function sendContinue(ctx) {
	if (ctx.expectContinue && !ctx.continued) {
		ctx.continued = true;
		ctx.res.writeContinue();
	}
}

/**
 * Reads the body. onChunk may throw: the first error is kept, the rest of the body is still
 * read, and the promise rejects with it at the end. resetAfter destroys the TCP connection
 * (RST) once that many bytes arrived.
 * @returns {Promise<number>} bytes received
 */
function readBody(ctx, { onChunk, timeoutMs, resetAfter } = {}) {
	const { req } = ctx;
	if (ctx.clientError) return Promise.reject(fromClientError(ctx.clientError, ctx));
	if (req.readableEnded) return Promise.resolve(0);
	sendContinue(ctx);
	return new Promise((resolve, reject) => {
		let received = 0;
		let firstError;
		let settled = false;
		const reset = () => {
			ctx.gone = true;
			ctx.resetByFault = true;
			req.socket.resetAndDestroy();
			settle(new ClientGone());
		};
		const settle = (err) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			req.off('data', onData);
			req.off('end', onEnd);
			req.off('close', onClose);
			ctx.onClientError = undefined;
			if (err) reject(err);
			else resolve(received);
		};
		const onData = (chunk) => {
			timer.refresh();
			received += chunk.length;
			if (!firstError && onChunk) {
				try {
					onChunk(chunk);
				} catch (err) {
					firstError = err;
				}
			}
			if (resetAfter !== undefined && received >= resetAfter) reset();
		};
		const onEnd = () => {
			ctx.bodyDone = true;
			// Bytes beyond Content-Length reach the HTTP parser as a bogus next request; give its
			// error a turn to arrive before accepting the body.
			setImmediate(() => {
				settle(ctx.clientError ? fromClientError(ctx.clientError, ctx) : firstError);
			});
		};
		const onClose = () => {
			if (!req.complete) {
				ctx.gone = true;
				settle(new ClientGone());
			}
		};
		ctx.onClientError = (err) => settle(fromClientError(err, ctx));
		const timer = setTimeout(
			() => settle(s3error(400, 'RequestTimeout', undefined, {}, { close: true })),
			timeoutMs ?? 20000,
		);
		req.on('data', onData);
		req.on('end', onEnd);
		req.on('close', onClose);
		if (resetAfter !== undefined && resetAfter <= 0) reset();
	});
}

/** Consumes whatever is left of the body so the client reads our answer, not a reset. */
async function drain(ctx, timeoutMs) {
	if (ctx.gone || ctx.req.readableEnded) return;
	if (ctx.expectContinue && !ctx.continued) {
		ctx.closeAfter = true; // the client is still holding the body back; S3 answers and closes
		return;
	}
	try {
		await readBody(ctx, { timeoutMs });
	} catch {
		ctx.closeAfter = true;
	}
}

/**
 * Routes HTTP parser errors to the request they belong to: a body shorter than announced
 * (client half-closed) or longer (the excess parses as garbage) becomes IncompleteBody.
 */
function installClientErrorHandler(server, rawError) {
	server.on('clientError', (err, socket) => {
		const ctx = socket[kContext];
		if (ctx && !ctx.finished) {
			ctx.clientError = err;
			if (ctx.onClientError) ctx.onClientError(err);
			return;
		}
		if (err.code === 'ECONNRESET' || !socket.writable) {
			socket.destroy();
			return;
		}
		socket.end(rawError(err));
	});
}

module.exports = {
	kContext,
	ClientGone,
	declaredLength,
	readBody,
	drain,
	installClientErrorHandler,
};
