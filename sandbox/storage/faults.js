'use strict';

const { s3error } = require('./s3-errors');

const DEFAULT_CODES = {
	400: 'InvalidRequest',
	403: 'AccessDenied',
	404: 'NoSuchKey',
	408: 'RequestTimeout',
	409: 'OperationAborted',
	429: 'SlowDown',
	500: 'InternalError',
	503: 'SlowDown',
};

/**
 * Fault registry. Each fault counts the requests it matches from the moment it is injected;
 * it fires on the nth match and the (times - 1) matches after it.
 */
class Faults {
	constructor() {
		this.list = [];
	}

	/**
	 * @param {object} spec
	 * @param {string} [spec.method] HTTP method to match (any when omitted)
	 * @param {string} [spec.pathIncludes] substring of the raw request target (path and query)
	 * @param {number} [spec.nth] 1-based index among matching requests; default 1
	 * @param {number} [spec.times] how many consecutive matches fail; default 1
	 * @param {number} [spec.every] instead of nth and times: every nth match fails, until cleared
	 * @param {number} [spec.status] answer with this status and an S3 XML error
	 * @param {string} [spec.code] S3 error code; default by status (503 -> SlowDown)
	 * @param {string} [spec.message]
	 * @param {number} [spec.retryAfter] seconds, sent as Retry-After
	 * @param {boolean} [spec.resetMidBody] reset the TCP connection after about half the body
	 * @param {number} [spec.latencyMs] delay before answering (alone: the request then proceeds normally)
	 * @returns {{ readonly matched: number, readonly fired: number, readonly done: boolean }}
	 */
	inject(spec = {}) {
		const fault = {
			method: spec.method ? spec.method.toUpperCase() : undefined,
			pathIncludes: spec.pathIncludes,
			nth: spec.nth ?? 1,
			times: spec.times ?? 1,
			every: spec.every,
			status: spec.status,
			code: spec.code,
			message: spec.message,
			retryAfter: spec.retryAfter,
			resetMidBody: Boolean(spec.resetMidBody),
			latencyMs: spec.latencyMs ?? 0,
			matched: 0,
			fired: 0,
		};
		if (!fault.status && !fault.resetMidBody && !fault.latencyMs) {
			throw new Error('faults.inject needs status, resetMidBody or latencyMs');
		}
		this.list.push(fault);
		return {
			get matched() {
				return fault.matched;
			},
			get fired() {
				return fault.fired;
			},
			get done() {
				return fault.fired >= fault.times;
			},
		};
	}

	clear() {
		this.list = [];
	}

	/** Counts the request against every fault; returns the first one that fires, if any. */
	take(method, target) {
		let firing;
		for (const fault of this.list) {
			if (fault.method && fault.method !== method) continue;
			if (fault.pathIncludes && !target.includes(fault.pathIncludes)) continue;
			fault.matched += 1;
			const due = fault.every
				? fault.matched % fault.every === 0
				: fault.matched >= fault.nth && fault.fired < fault.times;
			if (!firing && due) {
				fault.fired += 1;
				firing = fault;
			}
		}
		return firing;
	}
}

/** The S3Error an injected status fault answers with. */
function faultError(fault) {
	const code =
		fault.code ||
		DEFAULT_CODES[fault.status] ||
		(fault.status >= 500 ? 'ServiceUnavailable' : 'InvalidRequest');
	const headers = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
	return s3error(fault.status, code, fault.message, {}, { headers });
}

module.exports = { Faults, faultError };
