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
		 *   message?, details?, body? (sent as is instead of the envelope), headers?,
		 *   every? (instead of times: every nth matching request fails, until cleared) }
		 */
		failNext(spec = {}) {
			if (!spec.status) throw new Error('failNext needs a status');
			pending.push({ ...spec, times: spec.times ?? 1, seen: 0 });
		},
		/** The fault this request meets, counted as spent; undefined when none matches. */
		take(method, path, route) {
			for (const [index, fault] of pending.entries()) {
				if (!matches(fault, method, path, route)) continue;
				if (fault.every) {
					if (++fault.seen % fault.every === 0) return fault;
					continue;
				}
				if (--fault.times <= 0) pending.splice(index, 1);
				return fault;
			}
			return undefined;
		},
		clear() {
			pending.length = 0;
		},
	};
}

module.exports = { createFaults };
