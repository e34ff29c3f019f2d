'use strict';

// The call log: one entry per request, in arrival order, for tests and example checks.

const { jsonOrText } = require('./body');

const MASK = '***';

/**
 * { method, path, query, headers, body, auth }: `auth` is the value of the API's auth header;
 * headers named in `mask` (and `auth`, when its header is one of them) show only that they came.
 */
function callEntry(req, url, text, { authHeader, mask }) {
	const hidden = (name, value) => (value !== undefined && mask.has(name) ? MASK : value);
	const headers = Object.fromEntries(
		Object.entries(req.headers).map(([name, value]) => [name, hidden(name, value)]),
	);
	return {
		method: req.method,
		path: url.pathname,
		query: Object.fromEntries(url.searchParams),
		headers,
		body: text ? jsonOrText(text) : undefined,
		auth: authHeader ? headers[authHeader] : undefined,
	};
}

module.exports = { callEntry, MASK };
