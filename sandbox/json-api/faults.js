'use strict';

// Injected failures: the next `times` requests that match answer with an error instead.

function matches(fault, method, path, route) {
	if (fault.method && fault.method !== method) return false;
	if (fault.route && fault.route !== route?.key) return false;
	if (fault.path instanceof RegExp) return fault.path.test(path);
	return !fault.path || fault.path === path;
}

function createFaults() {
	const pending = [];
	return {
		/**
		 * spec: { status, times = 1, method?, path? (string or RegExp), route? ("GET /x/:id"),
		 *   message?, details?, body? (sent as is instead of the envelope), headers? }
		 */
		failNext(spec = {}) {
			if (!spec.status) throw new Error('failNext needs a status');
			pending.push({ ...spec, times: spec.times ?? 1 });
		},
		/** The fault this request meets, counted as spent; undefined when none matches. */
		take(method, path, route) {
			const index = pending.findIndex((fault) => matches(fault, method, path, route));
			if (index < 0) return undefined;
			const fault = pending[index];
			if (--fault.times <= 0) pending.splice(index, 1);
			return fault;
		},
		clear() {
			pending.length = 0;
		},
	};
}

module.exports = { createFaults };
