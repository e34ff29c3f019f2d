'use strict';

// AWS Signature Version 4 as S3 checks it, written against the public specification
// ("Authenticating Requests: Using Query Parameters" / "Using the Authorization Header" /
// "Browser-Based Uploads Using POST"), with node:crypto only.

const crypto = require('node:crypto');
const { s3error } = require('./s3-errors');

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_EXPIRES = 604800; // 7 days
const MAX_SKEW_MS = 15 * 60 * 1000;
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const QUERY_AUTH_PARAMS = [
	'X-Amz-Algorithm',
	'X-Amz-Credential',
	'X-Amz-Signature',
	'X-Amz-Date',
	'X-Amz-SignedHeaders',
	'X-Amz-Expires',
];

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ is %XX (upper case). */
function uriEncode(value, encodeSlash = true) {
	const encoded = encodeURIComponent(value).replace(
		/[!'()*]/g,
		(c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
	);
	return encodeSlash ? encoded : encoded.replace(/%2F/g, '/');
}

function safeDecode(value, what) {
	try {
		return decodeURIComponent(value);
	} catch {
		throw s3error(400, 'InvalidURI', `Couldn't parse the specified URI.`, { URI: what });
	}
}

/** S3 signs the path once-encoded, without normalising "." or "//" segments. */
function canonicalUri(rawPath) {
	return rawPath
		.split('/')
		.map((segment) => uriEncode(safeDecode(segment, rawPath)))
		.join('/');
}

/** Raw query string -> [[name, value], ...] decoded, in order. "+" stays a plus. */
function parseQuery(rawQuery) {
	if (!rawQuery) return [];
	return rawQuery
		.split('&')
		.filter((part) => part.length > 0)
		.map((part) => {
			const eq = part.indexOf('=');
			const name = eq === -1 ? part : part.slice(0, eq);
			const value = eq === -1 ? '' : part.slice(eq + 1);
			return [safeDecode(name, rawQuery), safeDecode(value, rawQuery)];
		});
}

function canonicalQueryString(pairs, exclude = 'X-Amz-Signature') {
	return pairs
		.filter(([name]) => name !== exclude)
		.map(([name, value]) => [uriEncode(name), uriEncode(value)])
		.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
		.map(([name, value]) => `${name}=${value}`)
		.join('&');
}

/** Node rawHeaders (or a plain object) -> Map of lower-case name -> array of values. */
function headerMap(headers) {
	const map = new Map();
	const add = (name, value) => {
		const key = name.toLowerCase();
		if (!map.has(key)) map.set(key, []);
		map.get(key).push(String(value));
	};
	if (Array.isArray(headers)) {
		for (let i = 0; i + 1 < headers.length; i += 2) add(headers[i], headers[i + 1]);
	} else if (headers instanceof Map) {
		return headers;
	} else {
		for (const [name, value] of Object.entries(headers || {})) {
			if (Array.isArray(value)) value.forEach((v) => add(name, v));
			else if (value !== undefined) add(name, value);
		}
	}
	return map;
}

function canonicalHeaderValue(values) {
	return values.map((v) => v.replace(/\s+/g, ' ').trim()).join(',');
}

function buildCanonicalRequest({
	method,
	rawPath,
	queryPairs,
	headers,
	signedHeaders,
	payloadHash,
}) {
	const canonicalHeaders = signedHeaders
		.map((name) => `${name}:${canonicalHeaderValue(headers.get(name) || [])}\n`)
		.join('');
	return [
		method,
		canonicalUri(rawPath),
		canonicalQueryString(queryPairs),
		canonicalHeaders,
		signedHeaders.join(';'),
		payloadHash,
	].join('\n');
}

function sha256Hex(data) {
	return crypto.createHash('sha256').update(data).digest('hex');
}

function hmac(key, data) {
	return crypto.createHmac('sha256', key).update(data, 'utf8').digest();
}

function signingKey(secretAccessKey, shortDate, region, service = 's3') {
	const kDate = hmac('AWS4' + secretAccessKey, shortDate);
	const kRegion = hmac(kDate, region);
	const kService = hmac(kRegion, service);
	return hmac(kService, 'aws4_request');
}

function stringToSign(amzDate, scope, canonicalRequest) {
	return [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
}

function signHex(key, data) {
	return crypto.createHmac('sha256', key).update(data, 'utf8').digest('hex');
}

function constantTimeEqual(a, b) {
	const ab = Buffer.from(String(a), 'utf8');
	const bb = Buffer.from(String(b), 'utf8');
	return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

/** "20130524T000000Z" -> Date, or undefined when it is not ISO 8601 basic format. */
function parseAmzDate(value) {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value || '');
	if (!m) return undefined;
	const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
	return Number.isNaN(date.getTime()) ? undefined : date;
}

function formatAmzDate(date) {
	return date
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

/** ISO 8601 without milliseconds, as S3 prints <Expires> and <ServerTime>. */
function isoSeconds(date) {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Checks the credential scope "AKID/20130524/us-east-1/s3/aws4_request".
 * `fail(message, extra)` builds the error the calling auth flavour uses.
 */
function parseCredential(value, { region, service, amzDate, fail }) {
	const parts = String(value || '').split('/');
	if (parts.length !== 5 || !parts[0]) {
		throw fail(
			'the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
		);
	}
	const [accessKeyId, shortDate, credRegion, credService, terminal] = parts;
	if (!/^\d{8}$/.test(shortDate)) {
		throw fail(
			`incorrect date format "${shortDate}". This date in the credential must be in the format "yyyyMMdd".`,
		);
	}
	if (amzDate && shortDate !== amzDate.slice(0, 8)) {
		throw fail(
			`Invalid credential date "${shortDate}". This date is not the same as X-Amz-Date: "${amzDate.slice(0, 8)}".`,
		);
	}
	if (credRegion !== region) {
		throw fail(`the region '${credRegion}' is wrong; expecting '${region}'`, { Region: region });
	}
	if (credService !== service) {
		throw fail(`incorrect service "${credService}". This endpoint belongs to "${service}".`);
	}
	if (terminal !== 'aws4_request') {
		throw fail(`incorrect terminal "${terminal}". This endpoint uses "aws4_request".`);
	}
	return { accessKeyId, shortDate, scope: parts.slice(1).join('/') };
}

function lookupOrFail(lookupCredentials, accessKeyId) {
	const creds = lookupCredentials(accessKeyId);
	if (!creds) {
		throw s3error(403, 'InvalidAccessKeyId', undefined, { AWSAccessKeyId: accessKeyId });
	}
	return creds;
}

function checkSessionToken(creds, token) {
	if (creds.sessionToken) {
		if (token === undefined) {
			throw s3error(403, 'InvalidAccessKeyId', undefined, { AWSAccessKeyId: creds.accessKeyId });
		}
		if (!constantTimeEqual(token, creds.sessionToken)) {
			throw s3error(400, 'InvalidToken', 'The provided token is malformed or otherwise invalid.', {
				'Token-0': token,
			});
		}
	} else if (token !== undefined) {
		throw s3error(400, 'InvalidToken', 'The provided token is malformed or otherwise invalid.', {
			'Token-0': token,
		});
	}
}

/** Every x-amz-* header must be signed; so must host. */
function checkUnsignedHeaders(headers, signedHeaders) {
	const signed = new Set(signedHeaders);
	const notSigned = [];
	if (!signed.has('host')) notSigned.push('host');
	for (const name of headers.keys()) {
		if (name.startsWith('x-amz-') && !signed.has(name)) notSigned.push(name);
	}
	if (notSigned.length) {
		throw s3error(
			403,
			'AccessDenied',
			'There were headers present in the request which were not signed',
			{
				HeadersNotSigned: notSigned.join(', '),
			},
		);
	}
}

function checkSignature({
	request,
	signedHeaders,
	payloadHash,
	amzDate,
	scope,
	secretAccessKey,
	region,
	service,
	shortDate,
	provided,
	accessKeyId,
}) {
	const canonicalRequest = buildCanonicalRequest({
		method: request.method,
		rawPath: request.rawPath,
		queryPairs: request.queryPairs,
		headers: request.headers,
		signedHeaders,
		payloadHash,
	});
	const toSign = stringToSign(amzDate, scope, canonicalRequest);
	const expected = signHex(signingKey(secretAccessKey, shortDate, region, service), toSign);
	const missing = signedHeaders.filter((name) => !request.headers.has(name));
	if (missing.length || !constantTimeEqual(expected, provided)) {
		throw s3error(403, 'SignatureDoesNotMatch', undefined, {
			AWSAccessKeyId: accessKeyId,
			StringToSign: toSign,
			SignatureProvided: provided,
			CanonicalRequest: canonicalRequest,
		});
	}
}

function splitTarget(url) {
	const q = url.indexOf('?');
	return q === -1
		? { rawPath: url, rawQuery: '' }
		: { rawPath: url.slice(0, q), rawQuery: url.slice(q + 1) };
}

function firstParam(pairs, name, caseInsensitive = false) {
	const wanted = caseInsensitive ? name.toLowerCase() : name;
	const hit = pairs.find(([n]) => (caseInsensitive ? n.toLowerCase() : n) === wanted);
	return hit ? hit[1] : undefined;
}

function queryAuthError(message, extra) {
	return s3error(400, 'AuthorizationQueryParametersError', message, extra);
}

function verifyQueryAuth(request, opts) {
	const { queryPairs, headers } = request;
	const { region, service, now, lookupCredentials } = opts;
	const get = (name) => firstParam(queryPairs, name);
	if (QUERY_AUTH_PARAMS.some((name) => get(name) === undefined)) {
		throw queryAuthError(
			'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
		);
	}
	if (get('X-Amz-Algorithm') !== ALGORITHM) {
		throw queryAuthError(`X-Amz-Algorithm only supports "${ALGORITHM}"`);
	}
	const expiresRaw = get('X-Amz-Expires');
	if (!/^-?\d+$/.test(expiresRaw)) throw queryAuthError('X-Amz-Expires should be a number');
	const expiresIn = Number(expiresRaw);
	if (expiresIn < 0) throw queryAuthError('X-Amz-Expires must be non-negative');
	if (expiresIn > MAX_EXPIRES) {
		throw queryAuthError(
			`X-Amz-Expires must be less than a week (in seconds) that is ${MAX_EXPIRES}`,
		);
	}
	const amzDate = get('X-Amz-Date');
	const signedAt = parseAmzDate(amzDate);
	if (!signedAt) {
		throw queryAuthError(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`);
	}
	const cred = parseCredential(get('X-Amz-Credential'), {
		region,
		service,
		amzDate,
		fail: (msg, extra) =>
			queryAuthError(`Error parsing the X-Amz-Credential parameter; ${msg}`, extra),
	});
	const creds = lookupOrFail(lookupCredentials, cred.accessKeyId);
	checkSessionToken({ ...creds, accessKeyId: cred.accessKeyId }, get('X-Amz-Security-Token'));

	if (signedAt.getTime() - now.getTime() > MAX_SKEW_MS) {
		throw s3error(403, 'AccessDenied', 'Request is not valid yet');
	}
	const expiresAt = new Date(signedAt.getTime() + expiresIn * 1000);
	if (now.getTime() > expiresAt.getTime()) {
		throw s3error(403, 'AccessDenied', 'Request has expired', {
			'X-Amz-Expires': expiresRaw,
			Expires: isoSeconds(expiresAt),
			ServerTime: isoSeconds(now),
		});
	}

	const signedHeaders = get('X-Amz-SignedHeaders').toLowerCase().split(';').filter(Boolean);
	checkUnsignedHeaders(headers, signedHeaders);
	// Presigned URLs carry UNSIGNED-PAYLOAD unless a hash was given as header or query parameter.
	const payloadHash =
		(headers.get('x-amz-content-sha256') || [])[0] ??
		firstParam(queryPairs, 'x-amz-content-sha256', true) ??
		UNSIGNED_PAYLOAD;
	checkSignature({
		request,
		signedHeaders,
		payloadHash,
		amzDate,
		scope: cred.scope,
		secretAccessKey: creds.secretAccessKey,
		region,
		service,
		shortDate: cred.shortDate,
		provided: get('X-Amz-Signature'),
		accessKeyId: cred.accessKeyId,
	});
	return { type: 'query', accessKeyId: cred.accessKeyId, signedHeaders, payloadHash, expiresAt };
}

function headerAuthError(message, extra) {
	return s3error(
		400,
		'AuthorizationHeaderMalformed',
		`The authorization header is malformed; ${message}`,
		extra,
	);
}

function verifyHeaderAuth(request, authorization, opts) {
	const { headers } = request;
	const { region, service, now, lookupCredentials } = opts;
	const m = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(authorization);
	if (!m) {
		throw s3error(
			400,
			'InvalidRequest',
			'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
		);
	}
	const fields = {};
	for (const part of m[1].split(',')) {
		const eq = part.indexOf('=');
		if (eq > 0) fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
	}
	if (!fields.Credential || !fields.SignedHeaders || !fields.Signature) {
		throw headerAuthError(
			'the authorization header requires three components: Credential, SignedHeaders, and Signature.',
		);
	}
	const amzDate = (headers.get('x-amz-date') || [])[0];
	const dateHeader = (headers.get('date') || [])[0];
	const signedAt = amzDate ? parseAmzDate(amzDate) : dateHeader ? new Date(dateHeader) : undefined;
	if (!signedAt || Number.isNaN(signedAt.getTime())) {
		throw s3error(
			403,
			'AccessDenied',
			'AWS authentication requires a valid Date or x-amz-date header',
		);
	}
	const longDate = amzDate || formatAmzDate(signedAt);
	const cred = parseCredential(fields.Credential, {
		region,
		service,
		amzDate: longDate,
		fail: (msg, extra) => headerAuthError(msg, extra),
	});
	const creds = lookupOrFail(lookupCredentials, cred.accessKeyId);
	checkSessionToken(
		{ ...creds, accessKeyId: cred.accessKeyId },
		(headers.get('x-amz-security-token') || [])[0],
	);
	if (Math.abs(signedAt.getTime() - now.getTime()) > MAX_SKEW_MS) {
		throw s3error(
			403,
			'RequestTimeTooSkewed',
			'The difference between the request time and the current time is too large.',
			{
				RequestTime: longDate,
				ServerTime: isoSeconds(now),
				MaxAllowedSkewMilliseconds: MAX_SKEW_MS,
			},
		);
	}
	const payloadHash = (headers.get('x-amz-content-sha256') || [])[0];
	if (payloadHash === undefined) {
		throw s3error(
			400,
			'InvalidRequest',
			'Missing required header for this request: x-amz-content-sha256',
		);
	}
	if (payloadHash.startsWith('STREAMING-')) {
		throw s3error(
			501,
			'NotImplemented',
			'A header you provided implies functionality that is not implemented',
			{
				Header: 'x-amz-content-sha256',
			},
		);
	}
	if (payloadHash !== UNSIGNED_PAYLOAD && !/^[0-9a-f]{64}$/.test(payloadHash)) {
		throw s3error(
			400,
			'InvalidArgument',
			'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, or a valid sha256 value.',
			{
				ArgumentName: 'x-amz-content-sha256',
				ArgumentValue: payloadHash,
			},
		);
	}
	const signedHeaders = fields.SignedHeaders.toLowerCase().split(';').filter(Boolean);
	checkUnsignedHeaders(headers, signedHeaders);
	checkSignature({
		request,
		signedHeaders,
		payloadHash,
		amzDate: longDate,
		scope: cred.scope,
		secretAccessKey: creds.secretAccessKey,
		region,
		service,
		shortDate: cred.shortDate,
		provided: fields.Signature,
		accessKeyId: cred.accessKeyId,
	});
	return { type: 'header', accessKeyId: cred.accessKeyId, signedHeaders, payloadHash };
}

/**
 * Verifies a request the way S3 does: presigned (query) SigV4, Authorization-header SigV4, or none.
 * Throws an S3Error on failure.
 *
 * @param {object} opts
 * @param {string} opts.method
 * @param {string} opts.url raw request target, path and query as sent ("/bucket/key?X-Amz-...")
 * @param {string[]|object|Map} opts.headers Node rawHeaders, a plain object, or a headerMap()
 * @param {(accessKeyId: string) => ({ secretAccessKey: string, sessionToken?: string }|undefined)} opts.lookupCredentials
 * @param {string} opts.region
 * @param {string} [opts.service] default "s3"
 * @param {Date} [opts.now]
 * @returns {{ type: 'anonymous' } | { type: 'query'|'header', accessKeyId: string, signedHeaders: string[], payloadHash: string, expiresAt?: Date }}
 */
function verifyRequest(opts) {
	const { rawPath, rawQuery } = splitTarget(opts.url);
	const request = {
		method: opts.method.toUpperCase(),
		rawPath,
		queryPairs: parseQuery(rawQuery),
		headers: headerMap(opts.headers),
	};
	const settings = {
		region: opts.region,
		service: opts.service || 's3',
		now: opts.now || new Date(),
		lookupCredentials: opts.lookupCredentials,
	};
	const authorization = (request.headers.get('authorization') || [])[0];
	const queryV4 =
		firstParam(request.queryPairs, 'X-Amz-Algorithm') !== undefined ||
		firstParam(request.queryPairs, 'X-Amz-Signature') !== undefined ||
		firstParam(request.queryPairs, 'X-Amz-Credential') !== undefined;
	const queryV2 =
		firstParam(request.queryPairs, 'Signature') !== undefined ||
		firstParam(request.queryPairs, 'AWSAccessKeyId') !== undefined;
	if ((queryV4 || queryV2) && authorization !== undefined) {
		throw s3error(
			400,
			'InvalidArgument',
			'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
			{
				ArgumentName: 'Authorization',
				ArgumentValue: authorization.replace(/Signature=\w+/, 'Signature=…'),
			},
		);
	}
	if (queryV2) {
		throw s3error(
			400,
			'InvalidRequest',
			'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
		);
	}
	if (queryV4) return verifyQueryAuth(request, settings);
	if (authorization !== undefined) return verifyHeaderAuth(request, authorization, settings);
	return { type: 'anonymous' };
}

/** Alias kept for emulators that only deal with presigned URLs. */
const verifyPresignedRequest = verifyRequest;

/**
 * Browser-based POST: x-amz-signature = hex HMAC-SHA256(signingKey, base64 policy).
 * `fields` maps lower-case field names to values. Throws an S3Error on failure.
 */
function verifyPostSignature(fields, { region, service = 's3', lookupCredentials }) {
	const algorithm = fields['x-amz-algorithm'];
	if (algorithm !== ALGORITHM) {
		if (fields.signature !== undefined || fields.awsaccesskeyid !== undefined) {
			throw s3error(
				400,
				'InvalidRequest',
				'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
			);
		}
		throw s3error(
			400,
			'InvalidArgument',
			`POST requires the x-amz-algorithm field to be "${ALGORITHM}"`,
			{
				ArgumentName: 'x-amz-algorithm',
				ArgumentValue: algorithm ?? '',
			},
		);
	}
	for (const name of ['x-amz-credential', 'x-amz-date', 'x-amz-signature']) {
		if (fields[name] === undefined) {
			throw s3error(
				400,
				'InvalidArgument',
				`Bucket POST must contain a field named '${name}'.  If it is specified, please check the order of the fields.`,
				{
					ArgumentName: name,
					ArgumentValue: '',
				},
			);
		}
	}
	if (!parseAmzDate(fields['x-amz-date'])) {
		throw s3error(
			400,
			'InvalidArgument',
			`x-amz-date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`,
			{
				ArgumentName: 'x-amz-date',
				ArgumentValue: fields['x-amz-date'],
			},
		);
	}
	const cred = parseCredential(fields['x-amz-credential'], {
		region,
		service,
		amzDate: fields['x-amz-date'],
		fail: (msg) =>
			s3error(400, 'InvalidArgument', `Error parsing the X-Amz-Credential parameter; ${msg}`, {
				ArgumentName: 'x-amz-credential',
				ArgumentValue: fields['x-amz-credential'],
			}),
	});
	const creds = lookupOrFail(lookupCredentials, cred.accessKeyId);
	checkSessionToken({ ...creds, accessKeyId: cred.accessKeyId }, fields['x-amz-security-token']);
	const expected = signHex(
		signingKey(creds.secretAccessKey, cred.shortDate, region, service),
		fields.policy,
	);
	if (!constantTimeEqual(expected, fields['x-amz-signature'])) {
		throw s3error(403, 'SignatureDoesNotMatch', undefined, {
			AWSAccessKeyId: cred.accessKeyId,
			StringToSign: fields.policy,
			SignatureProvided: fields['x-amz-signature'],
		});
	}
	return { accessKeyId: cred.accessKeyId };
}

module.exports = {
	ALGORITHM,
	MAX_EXPIRES,
	UNSIGNED_PAYLOAD,
	uriEncode,
	canonicalUri,
	parseQuery,
	canonicalQueryString,
	headerMap,
	buildCanonicalRequest,
	signingKey,
	stringToSign,
	signHex,
	sha256Hex,
	parseAmzDate,
	formatAmzDate,
	isoSeconds,
	splitTarget,
	verifyRequest,
	verifyPresignedRequest,
	verifyPostSignature,
};
