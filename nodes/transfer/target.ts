import { InputError } from './errors';
import { isObject } from './json';
import type { MultipartTarget, PartTarget, PostTarget, PutTarget, UploadTarget } from './types';

/** S3's limits: a single PUT or POST carries at most 5 GiB, a multipart upload 10,000 parts. */
export const MAX_SINGLE_UPLOAD_BYTES = 5 * 1024 ** 3;
export const MAX_PARTS = 10_000;
export const MAX_PART_BYTES = 5 * 1024 ** 3;

/** Presigned URLs carry their own authorisation; these headers would leak a credential. */
const CREDENTIAL_HEADERS = [
	'authorization',
	'proxy-authorization',
	'cookie',
	'x-api-key',
	'api-key',
];
/** The engine sets framing headers itself from the real file size. */
const FRAMING_HEADERS = ['content-length', 'transfer-encoding', 'host'];

const TARGET_SHAPES =
	"Expected { method: 'PUT', url, headers }, { method: 'POST', url, fields } or { method: 'MULTIPART', parts: [{ partNumber, url }], partSize }.";

type Json = Record<string, unknown>;

/** An http(s) URL, trimmed; `description` tells the user where to fix it when it is not one. */
export function parseUrl(value: unknown, field: string, description?: string): string {
	if (typeof value !== 'string' || value.trim() === '') {
		throw new InputError(
			field,
			`"${field}" must be the presigned URL, got ${describe(value)}`,
			description,
		);
	}
	let url: URL | undefined;
	try {
		url = new URL(value.trim());
	} catch {
		url = undefined;
	}
	if (!url) {
		throw new InputError(
			field,
			`"${field}" is not a valid URL`,
			description ?? 'Give the whole address, starting with https:// (or http://).',
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new InputError(
			field,
			`"${field}" must be an http or https URL, got ${url.protocol}`,
			description,
		);
	}
	return value.trim();
}

function describe(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return `a ${typeof value}`;
}

function stringMap(raw: unknown, field: string): Record<string, string> {
	const value = jsonText(raw);
	if (value === undefined || value === null || value === '') return {};
	if (!isObject(value))
		throw new InputError(field, `"${field}" must be an object of names and values`);
	const result: Record<string, string> = {};
	for (const [name, raw] of Object.entries(value)) {
		if (raw === undefined || raw === null) continue;
		if (typeof raw === 'object') {
			throw new InputError(
				`${field}.${name}`,
				`"${field}.${name}" must be text, got ${describe(raw)}`,
			);
		}
		result[name] = String(raw);
	}
	return result;
}

/** RFC 9110 token characters: a header name with anything else would be altered or refused. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Visible Latin-1 and tabs/spaces: CR, LF, NUL or wider characters cannot be sent as signed. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

function assertHeader(name: string, value: string, field: string): void {
	if (!HEADER_NAME.test(name)) {
		throw new InputError(
			`${field}.${name}`,
			`The header name ${JSON.stringify(name)} is not valid: spaces and other separators are not allowed`,
			'Use the header name exactly as the URL was signed for, such as Content-Type.',
		);
	}
	if (!HEADER_VALUE.test(value)) {
		throw new InputError(
			`${field}.${name}`,
			`The value of the header "${name}" has line breaks or characters HTTP cannot carry`,
			'The storage would receive another value than the one the URL was signed for. Remove the line breaks or use plain text.',
		);
	}
}

/** Headers to send to a storage host: text values, never a credential, framing left to the engine. */
export function parseHeaders(value: unknown, field = 'target.headers'): Record<string, string> {
	const headers = stringMap(value, field);
	const result: Record<string, string> = {};
	for (const [name, headerValue] of Object.entries(headers)) {
		assertHeader(name, headerValue, field);
		const lower = name.toLowerCase();
		if (CREDENTIAL_HEADERS.includes(lower)) {
			throw new InputError(
				`${field}.${name}`,
				`The header "${name}" must not be sent to a presigned URL`,
				'A presigned URL is its own authorisation; sending credentials to the storage host would leak them. Remove the header.',
			);
		}
		if (!FRAMING_HEADERS.includes(lower)) result[name] = headerValue;
	}
	return result;
}

function parseParts(raw: unknown): PartTarget[] {
	const value = jsonText(raw);
	if (!Array.isArray(value) || value.length === 0) {
		throw new InputError('target.parts', '"target.parts" must be a non-empty list of part URLs');
	}
	if (value.length > MAX_PARTS) {
		throw new InputError(
			'target.parts',
			`"target.parts" has ${value.length} parts; S3 allows at most ${MAX_PARTS}`,
		);
	}
	const parts = value.map((part, index): PartTarget => {
		const field = `target.parts[${index}]`;
		if (typeof part === 'string') return { partNumber: index + 1, url: parseUrl(part, field) };
		if (!isObject(part)) throw new InputError(field, `"${field}" must be { partNumber, url }`);
		const partNumber = part.partNumber === undefined ? index + 1 : Number(part.partNumber);
		if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PARTS) {
			throw new InputError(
				`${field}.partNumber`,
				`"${field}.partNumber" must be a whole number from 1 to ${MAX_PARTS}`,
			);
		}
		return { partNumber, url: parseUrl(part.url, `${field}.url`) };
	});
	parts.sort((a, b) => a.partNumber - b.partNumber);
	parts.forEach((part, index) => {
		if (part.partNumber !== index + 1) {
			throw new InputError(
				'target.parts',
				'"target.parts" must number its parts 1, 2, 3, … without gaps or repeats',
			);
		}
	});
	return parts;
}

function parsePartSize(value: unknown): number {
	const partSize = typeof value === 'number' || typeof value === 'string' ? Number(value) : NaN;
	if (partSize > MAX_PART_BYTES) {
		throw new InputError(
			'target.partSize',
			`"target.partSize" is ${partSize} bytes; S3 allows at most 5 GiB per part`,
		);
	}
	if (!Number.isInteger(partSize) || partSize < 1) {
		throw new InputError(
			'target.partSize',
			`"target.partSize" must be the part size in bytes, got ${describe(value)}`,
		);
	}
	return partSize;
}

/** n8n hands a JSON parameter over as text unless an expression made it a value; accept both. */
function jsonText(value: unknown): unknown {
	if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return value;
	return parseJson(value) ?? value;
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function optionalUrl(value: unknown, field: string): string | undefined {
	return value === undefined || value === null || value === '' ? undefined : parseUrl(value, field);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** When the target stops working, as an ISO time; anything else would be ignored silently. */
function parseExpiresAt(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = typeof value === 'string' ? value.trim() : undefined;
	if (text !== undefined && ISO_TIME.test(text) && !Number.isNaN(Date.parse(text))) return text;
	const shown = typeof value === 'string' ? `"${value.slice(0, 40)}"` : String(value);
	throw new InputError(
		'target.expiresAt',
		`"target.expiresAt" must be an ISO time such as 2026-11-23T12:00:00Z, got ${shown}`,
		'Leave it out when the provider does not say when its URL expires.',
	);
}

function inferMethod(target: Json): string {
	if (typeof target.method === 'string' && target.method !== '') return target.method.toUpperCase();
	if (target.method !== undefined && target.method !== null && target.method !== '') {
		throw new InputError(
			'target.method',
			`"target.method" must be PUT, POST or MULTIPART, got ${describe(target.method)}`,
		);
	}
	if (target.parts !== undefined) return 'MULTIPART';
	if (target.fields !== undefined) return 'POST';
	return 'PUT';
}

/** Checks a target object (from a provider or typed by the user) and returns its normalised form. */
export function parseTarget(value: unknown): UploadTarget {
	const target = typeof value === 'string' ? parseJson(value) : value;
	if (typeof value === 'string' && target === undefined) {
		throw new InputError('target', `"target" is text that is not JSON. ${TARGET_SHAPES}`);
	}
	if (!isObject(target)) {
		throw new InputError(
			'target',
			`"target" must be an object, got ${describe(target)}. ${TARGET_SHAPES}`,
		);
	}
	const expiresAt = parseExpiresAt(target.expiresAt);
	const method = inferMethod(target);
	if (method === 'PUT') {
		const put: PutTarget = {
			method,
			url: parseUrl(target.url, 'target.url'),
			headers: parseHeaders(target.headers),
			expiresAt,
		};
		return put;
	}
	if (method === 'POST') {
		const fields = stringMap(target.fields, 'target.fields');
		if (Object.keys(fields).some((name) => name.toLowerCase() === 'file')) {
			throw new InputError(
				'target.fields.file',
				'The form field "file" is the upload itself and must not be set in "target.fields"',
			);
		}
		const post: PostTarget = { method, url: parseUrl(target.url, 'target.url'), fields, expiresAt };
		return post;
	}
	if (method === 'MULTIPART') {
		const multipart: MultipartTarget = {
			method,
			parts: parseParts(target.parts),
			partSize: parsePartSize(target.partSize),
			completeUrl: optionalUrl(target.completeUrl, 'target.completeUrl'),
			abortUrl: optionalUrl(target.abortUrl, 'target.abortUrl'),
			expiresAt,
		};
		return multipart;
	}
	throw new InputError(
		'target.method',
		`"target.method" must be PUT, POST or MULTIPART, got "${method}"`,
	);
}

export function expectedPartCount(size: number, partSize: number): number {
	return Math.max(1, Math.ceil(size / partSize));
}

/** Refuses, before any byte is sent, a target that cannot take a file of this size. */
export function assertTargetFits(target: UploadTarget, size: number): void {
	if (target.method !== 'MULTIPART') {
		if (size > MAX_SINGLE_UPLOAD_BYTES) {
			throw new InputError(
				'target.method',
				`The file has ${size} bytes; a single ${target.method} carries at most 5 GiB`,
				'Ask the provider for a multipart upload instead.',
			);
		}
		return;
	}
	const needed = expectedPartCount(size, target.partSize);
	if (needed !== target.parts.length) {
		throw new InputError(
			'target.parts',
			`The file has ${size} bytes, which makes ${needed} part(s) of ${target.partSize} bytes, but "target.parts" has ${target.parts.length} URL(s)`,
			'Request the part URLs for this exact file size and part size.',
		);
	}
}
