import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Svix's webhook signature, as its "Verifying Webhooks Manually" page describes it: the signed
 * content is `<svix-id>.<svix-timestamp>.<raw body>`, signed with HMAC-SHA256 under the
 * base64 part of the endpoint's `whsec_…` secret; `svix-signature` lists space-separated
 * `v1,<base64 signature>` entries, any one of which may match; the timestamp (seconds) must lie
 * within a tolerance of now, five minutes in Svix's own libraries. White-labelled senders use
 * `webhook-` instead of `svix-` in the header names.
 */

export const SECRET_PREFIX = 'whsec_';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export type Headers = Record<string, string | string[] | undefined>;

export interface SvixDelivery {
	id: string;
	timestamp: number;
}

export type Verification = ({ ok: true } & SvixDelivery) | { ok: false; reason: string };

/** The HMAC key of a `whsec_…` secret, or undefined when the secret is not one. */
export function signingKeyOf(secret: string): Buffer | undefined {
	const trimmed = secret.trim();
	if (!trimmed.startsWith(SECRET_PREFIX)) return undefined;
	const encoded = trimmed.slice(SECRET_PREFIX.length);
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return undefined;
	const key = Buffer.from(encoded, 'base64');
	return key.length > 0 ? key : undefined;
}

/** `v1,<base64>` for the given delivery; what a sender puts into `svix-signature`. */
export function signDelivery(key: Buffer, id: string, timestamp: number, body: Buffer | string) {
	const hmac = createHmac('sha256', key);
	hmac.update(`${id}.${timestamp}.`);
	hmac.update(body);
	return `v1,${hmac.digest('base64')}`;
}

function header(headers: Headers, name: string): string | undefined {
	const value = headers[`svix-${name}`] ?? headers[`webhook-${name}`];
	const text = Array.isArray(value) ? value[0] : value;
	return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

function sameSignature(expected: string, candidate: string): boolean {
	const a = Buffer.from(expected);
	const b = Buffer.from(candidate);
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks one delivery. `rawBody` must be the bytes as received: parsed and re-serialised JSON
 * no longer matches the signature.
 */
export function verifySvixDelivery(options: {
	headers: Headers;
	rawBody: Buffer | undefined;
	key: Buffer;
	toleranceSeconds: number;
	nowSeconds?: number;
}): Verification {
	const { headers, rawBody, key, toleranceSeconds } = options;
	const id = header(headers, 'id');
	const timestampText = header(headers, 'timestamp');
	const signatures = header(headers, 'signature');
	if (!id || !timestampText || !signatures) {
		return { ok: false, reason: 'the svix-id, svix-timestamp or svix-signature header is missing' };
	}
	if (!/^\d+$/.test(timestampText)) {
		return { ok: false, reason: 'svix-timestamp is not a number of seconds' };
	}
	const timestamp = Number(timestampText);
	const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
	if (Math.abs(now - timestamp) > toleranceSeconds) {
		return { ok: false, reason: `svix-timestamp is more than ${toleranceSeconds} s from now` };
	}
	if (!rawBody) return { ok: false, reason: 'the request has no body to verify' };
	const expected = signDelivery(key, id, timestamp, rawBody);
	const matches = signatures
		.split(' ')
		.filter((entry) => entry.startsWith('v1,'))
		.some((entry) => sameSignature(expected, entry));
	if (!matches) return { ok: false, reason: 'no signature in svix-signature matches' };
	return { ok: true, id, timestamp };
}
