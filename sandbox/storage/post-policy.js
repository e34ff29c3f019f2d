'use strict';

// POST policy evaluation (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html).

const { s3error } = require('./s3-errors');

// Fields that never need a condition.
const EXEMPT = new Set(['policy', 'x-amz-signature', 'file']);

function invalidPolicy(message) {
	return s3error(400, 'InvalidPolicyDocument', `Invalid Policy: ${message}`);
}

function policyFailed(message) {
	return s3error(403, 'AccessDenied', `Invalid according to Policy: ${message}`);
}

/** S3 prints conditions as ["eq", "$key", "value"], simple ones included. */
function describe(raw) {
	const list = Array.isArray(raw) ? raw : ['eq', `$${Object.keys(raw)[0]}`, Object.values(raw)[0]];
	return `[${list.map((v) => JSON.stringify(v)).join(', ')}]`;
}

/** base64 policy -> { expiration: Date, conditions: [...] }, or InvalidPolicyDocument. */
function decodePolicy(base64) {
	let doc;
	try {
		doc = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
	} catch {
		throw invalidPolicy('Invalid JSON.');
	}
	if (!doc || typeof doc !== 'object') throw invalidPolicy('Invalid JSON.');
	if (doc.expiration === undefined) throw invalidPolicy('Policy missing expiration.');
	const expiration = new Date(doc.expiration);
	if (typeof doc.expiration !== 'string' || Number.isNaN(expiration.getTime())) {
		throw invalidPolicy(`Invalid 'expiration' value: '${doc.expiration}'`);
	}
	if (!Array.isArray(doc.conditions)) throw invalidPolicy('Policy missing conditions.');
	return { expiration, conditions: doc.conditions.map(normalise) };
}

/** Every condition as { op, field (lower case), value | min,max, raw }. */
function normalise(raw) {
	if (Array.isArray(raw)) {
		const [op, a, b] = raw;
		const operator = String(op).toLowerCase();
		if (operator === 'content-length-range') {
			if (raw.length !== 3 || !Number.isInteger(Number(a)) || !Number.isInteger(Number(b))) {
				throw invalidPolicy(`Invalid content-length-range condition: ${describe(raw)}`);
			}
			return { op: 'range', min: Number(a), max: Number(b), raw };
		}
		if ((operator !== 'eq' && operator !== 'starts-with') || raw.length !== 3) {
			throw invalidPolicy(`Invalid Condition: ${describe(raw)}`);
		}
		if (typeof a !== 'string' || !a.startsWith('$') || typeof b !== 'string') {
			throw invalidPolicy(`Invalid Condition: ${describe(raw)}`);
		}
		return { op: operator, field: a.slice(1).toLowerCase(), value: b, raw };
	}
	if (raw && typeof raw === 'object') {
		const entries = Object.entries(raw);
		if (entries.length !== 1 || typeof entries[0][1] !== 'string') {
			throw invalidPolicy(`Invalid Simple-Condition: ${JSON.stringify(raw)}`);
		}
		return { op: 'eq', field: entries[0][0].toLowerCase(), value: entries[0][1], raw };
	}
	throw invalidPolicy(`Invalid Condition: ${JSON.stringify(raw)}`);
}

function holds(condition, actual) {
	if (actual === undefined) return false; // a field the policy names must be in the form
	if (condition.op === 'eq') return actual === condition.value;
	if (condition.field === 'content-type') {
		// S3 checks each value of a comma-separated Content-Type against the prefix.
		return actual.split(',').every((v) => v.trim().startsWith(condition.value));
	}
	return actual.startsWith(condition.value);
}

/**
 * Checks expiry, every condition and field coverage; throws the S3Error S3 would answer.
 * @param {object} policy from decodePolicy
 * @param {Record<string,string>} fields lower-case form field name -> value (file excluded)
 * @param {{ bucket: string, fileSize: number, now: Date }} context
 */
function checkPolicy(policy, fields, { bucket, fileSize, now }) {
	if (policy.expiration.getTime() < now.getTime()) throw policyFailed('Policy expired.');
	const covered = new Set();
	for (const condition of policy.conditions) {
		if (condition.op === 'range') {
			if (fileSize > condition.max) {
				throw s3error(400, 'EntityTooLarge', undefined, {
					ProposedSize: fileSize,
					MaxSizeAllowed: condition.max,
				});
			}
			if (fileSize < condition.min) {
				throw s3error(400, 'EntityTooSmall', undefined, {
					ProposedSize: fileSize,
					MinSizeAllowed: condition.min,
				});
			}
			continue;
		}
		covered.add(condition.field);
		const actual = condition.field === 'bucket' ? bucket : fields[condition.field];
		if (!holds(condition, actual)) {
			throw policyFailed(`Policy Condition failed: ${describe(condition.raw)}`);
		}
	}
	const extra = Object.keys(fields).filter(
		(name) => !EXEMPT.has(name) && !name.startsWith('x-ignore-') && !covered.has(name),
	);
	if (extra.length) throw policyFailed(`Extra input fields: ${extra.join(', ')}`);
}

module.exports = { decodePolicy, checkPolicy };
