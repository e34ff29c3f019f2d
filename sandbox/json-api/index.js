'use strict';

// A small kit for JSON-API emulators on loopback. An emulator declares its routes, its API key
// check and its error envelope; the kit does the HTTP around them: routes with :params, JSON
// bodies with a size limit, injected failures, latency and a call log.
//
//   const api = createJsonApi({
//     auth: { header: 'x-api-key', expected: apiKey, scope: '/v1/' },
//     envelope: (status, message, details) => ({ error: { status, message, details } }),
//     errors: { notFound: { message: 'No such route', details: 'not_found' } },
//   });
//   api.route('GET', '/v1/items/:id', ({ params }) => items.get(params.id) ?? notFound());
//   api.route('POST', '/v1/items', ({ json }) => reply(201, create(json())));
//   const { url, close } = await api.listen({ port: 0 });
//
// A handler gets { method, path, params, query (URLSearchParams), headers, text, json() } and
// returns the JSON to answer with 200, or reply(status, body, headers) (a Buffer body is sent
// as is), or throws ApiError(status, message, details, { headers, ...forTheEnvelope }).

const http = require('node:http');
const { setTimeout: sleep } = require('node:timers/promises');

const { listen } = require('../listen');
const { ApiError, kitErrors } = require('./errors');
const { createRouteTable } = require('./routes');
const { createFaults } = require('./faults');
const { readText } = require('./body');
const { callEntry } = require('./calls');

const DEFAULT_BODY_LIMIT = 1024 * 1024;

class Reply {
	constructor(status, body, headers = {}) {
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

/** An answer with another status than 200, or with a body that is not JSON (a Buffer). */
const reply = (status, body, headers) => new Reply(status, body, headers);

function send(req, res, { status, body, headers }) {
	const raw = Buffer.isBuffer(body);
	const payload = raw ? body : Buffer.from(JSON.stringify(body));
	res.writeHead(status, {
		...(raw ? {} : { 'Content-Type': 'application/json' }),
		'Content-Length': payload.length,
		...headers,
	});
	res.end(req.method === 'HEAD' ? undefined : payload);
}

/**
 * @param {object} options
 * @param {(status: number, message: string, details?: unknown, extra?: object) => unknown} options.envelope
 *   the API's error body
 * @param {{header: string, expected: string | (() => string), scope?: string}} [options.auth]
 *   requests whose path starts with `scope` (default '/') must carry `header: expected`;
 *   a route may say { auth: 'none' | 'optional' | 'required' } instead
 * @param {Record<string, {message?: string, details?: unknown}>} [options.errors] the API's
 *   wording for unauthorized, notFound, invalidJson, tooLarge and internal
 * @param {number} [options.bodyLimit] bytes; default 1 MiB
 * @param {string[]} [options.maskHeaders] header names the call log shows as '***'
 * @param {(request: {method: string, path: string, headers: object}) => Record<string, string> | void} [options.admit]
 *   called for every request once its body is read: returns headers for its answer, whatever the
 *   answer is (rate-limit headers), or throws an ApiError to refuse it (a 429)
 * @param {Record<string, string>} [options.errorHeaders] headers of every error answer, such as
 *   a Content-Type of application/problem+json
 */
function createJsonApi({
	envelope,
	auth,
	errors: wording,
	bodyLimit = DEFAULT_BODY_LIMIT,
	maskHeaders = [],
	admit,
	errorHeaders = {},
}) {
	const errors = kitErrors(wording);
	const table = createRouteTable();
	const faults = createFaults();
	const calls = [];
	const logOptions = {
		authHeader: auth?.header.toLowerCase(),
		mask: new Set(maskHeaders.map((name) => name.toLowerCase())),
	};
	let latencyMs = 0;

	function checkAuth(req, path, route) {
		if (!auth) return;
		const inScope = path.startsWith(auth.scope ?? '/');
		const mode = route?.auth ?? (inScope ? 'required' : 'none');
		if (mode === 'none') return;
		const given = req.headers[logOptions.authHeader];
		if (mode === 'optional' && given === undefined) return;
		const expected = typeof auth.expected === 'function' ? auth.expected() : auth.expected;
		if (given !== expected) throw errors.unauthorized();
	}

	function faultAnswer(fault) {
		if (fault.body !== undefined) return reply(fault.status, fault.body, fault.headers);
		const message = fault.message ?? `Injected failure ${fault.status}`;
		throw new ApiError(fault.status, message, fault.details, { headers: fault.headers });
	}

	/** `admitted` receives the headers `admit` gives for this request's answer. */
	async function answer(req, url, admitted) {
		const { text, tooLarge } = await readText(req, bodyLimit);
		calls.push(callEntry(req, url, tooLarge ? '' : text, logOptions));
		const path = url.pathname;
		Object.assign(admitted, admit?.({ method: req.method, path, headers: req.headers }));
		const found = table.match(req.method, path);
		const fault = faults.take(req.method, path, found?.route);
		if (fault) return faultAnswer(fault);
		checkAuth(req, path, found?.route);
		if (tooLarge) throw errors.tooLarge();
		if (!found) throw errors.notFound();
		const json = () => {
			if (!text) return {};
			try {
				return JSON.parse(text);
			} catch {
				throw errors.invalidJson();
			}
		};
		const result = await found.route.handler({
			method: req.method,
			path,
			params: found.params,
			query: url.searchParams,
			headers: req.headers,
			text,
			json,
		});
		return result instanceof Reply ? result : reply(200, result);
	}

	async function handle(req, res) {
		let result;
		const admitted = {};
		try {
			result = await answer(req, new URL(req.url, 'http://sandbox'), admitted);
		} catch (err) {
			const error = err instanceof ApiError ? err : errors.internal(err.message);
			const body = envelope(error.status, error.message, error.details, error.extra);
			result = reply(error.status, body, { ...errorHeaders, ...error.headers });
		}
		result.headers = { ...admitted, ...result.headers };
		if (latencyMs > 0) await sleep(latencyMs);
		send(req, res, result);
	}

	return {
		/** Adds a route: route('GET', '/v1/items/:id', handler, { auth: 'optional' }). */
		route: (method, pattern, handler, options) => table.add(method, pattern, handler, options),
		calls,
		/** The next `times` matching requests fail; see faults.js for the spec. */
		failNext: (spec) => faults.failNext(spec),
		clearFaults: () => faults.clear(),
		setLatency(ms) {
			latencyMs = Math.max(0, Number(ms) || 0);
		},
		/** Forgets calls, faults and latency. */
		reset() {
			calls.length = 0;
			faults.clear();
			latencyMs = 0;
		},
		listen: ({ port = 0, host = '127.0.0.1' } = {}) =>
			listen(http.createServer(handle), { port, host }),
	};
}

module.exports = { createJsonApi, ApiError, reply };
