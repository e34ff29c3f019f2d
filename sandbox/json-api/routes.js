'use strict';

// Route table: "METHOD /path/:param" entries matched against a request's method and path.
// A :param matches one path segment, as it appears in the path (not URL-decoded).

function compile(pattern) {
	const names = [];
	const source = pattern
		.split('/')
		.map((segment) => {
			if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			names.push(segment.slice(1));
			return '([^/]+)';
		})
		.join('/');
	return { regex: new RegExp(`^${source}$`), names };
}

function createRouteTable() {
	const routes = [];
	return {
		/** options.auth: 'required' | 'optional' | 'none'; default: by the API's auth scope. */
		add(method, pattern, handler, options = {}) {
			routes.push({
				key: `${method} ${pattern}`,
				method,
				handler,
				...options,
				...compile(pattern),
			});
		},
		/** The route for method and path with its params, or undefined. */
		match(method, path) {
			for (const route of routes) {
				if (route.method !== method) continue;
				const found = route.regex.exec(path);
				if (!found) continue;
				const params = Object.fromEntries(route.names.map((name, i) => [name, found[i + 1]]));
				return { route, params };
			}
			return undefined;
		},
	};
}

module.exports = { createRouteTable };
