import type { UploadTarget } from './types';

const SECRET_PARAMS = [
	'x-amz-signature',
	'x-amz-credential',
	'x-amz-security-token',
	'signature',
	'policy',
	'sig',
	'awsaccesskeyid',
	'googleaccessid',
	'x-goog-signature',
	'x-goog-credential',
	'api_key',
	'apikey',
	'api-key',
	'x-api-key',
	'access_token',
	'token',
	'key-pair-id',
];

const MASK = '***';

const secretQueryParam = new RegExp(
	`(^|[?&;,\\s"'])((?:${SECRET_PARAMS.map(escape).join('|')})=)[^&#\\s"'<]*`,
	'gi',
);
const secretXmlElement =
	/<(SignatureProvided|StringToSign(?:Bytes)?|CanonicalRequest(?:Bytes)?|AWSAccessKeyId)>[^<]*<\/\1>/gi;
const bearerToken = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/** Masks signatures, credentials and keys wherever they appear in a text meant for users or logs. */
export function redact(text: string): string {
	return text
		.replace(secretQueryParam, `$1$2${MASK}`)
		.replace(secretXmlElement, `<$1>${MASK}</$1>`)
		.replace(bearerToken, `$1 ${MASK}`);
}

/** Secrets shorter than this would mask ordinary words; no real key or signature is this short. */
const MIN_SECRET_LENGTH = 6;

/** The forms a server may echo a value in: as sent, percent-encoded, or inside a JSON string. */
function echoedForms(secret: string): string[] {
	return [...new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])];
}

/**
 * Masks values the node knows to be secret (credential fields, signatures) wherever they appear,
 * in any form a server may echo them, and then everything `redact` finds by pattern.
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
	let masked = text;
	for (const secret of secrets) {
		if (secret.length < MIN_SECRET_LENGTH) continue;
		for (const form of echoedForms(secret)) masked = masked.split(form).join(MASK);
	}
	return redact(masked);
}

/** A URL without its query string: safe to show, and still tells the user where the bytes went. */
export function describeUrl(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.origin}${parsed.pathname}`;
	} catch {
		return redact(url.split('?')[0]);
	}
}

function secretQueryValues(url: string | undefined): string[] {
	if (!url) return [];
	try {
		return [...new URL(url).searchParams]
			.filter(([name]) => SECRET_PARAMS.includes(name.toLowerCase()))
			.map(([, value]) => value);
	} catch {
		return [];
	}
}

/**
 * The secret values a target carries: signatures, credentials, tokens and policies in its URLs'
 * queries and its form fields, plus the access key id inside a SigV4 credential.
 */
export function secretsOfTarget(target: UploadTarget): string[] {
	const urls =
		target.method === 'MULTIPART'
			? [...target.parts.map((part) => part.url), target.completeUrl, target.abortUrl]
			: [target.url];
	const fields =
		target.method === 'POST'
			? Object.entries(target.fields)
					.filter(([name]) => SECRET_PARAMS.includes(name.toLowerCase()))
					.map(([, value]) => value)
			: [];
	const values = [...new Set([...urls.flatMap(secretQueryValues), ...fields])];
	const keyIds = values.map((value) => /^([A-Z0-9]{16,128})\//.exec(value)?.[1]);
	return [...values, ...keyIds.filter((id): id is string => !!id)];
}
