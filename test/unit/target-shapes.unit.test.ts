// Every way a target can be wrong is refused before any byte is read, naming the field to fix.
import { assertTargetFits, parseTarget, parseUrl } from '../../nodes/transfer/target';
import { inputErrorOf } from '../support/failures';

const URL = 'https://storage.example.com/key?X-Amz-Signature=abc';
const SHAPES =
	"Expected { method: 'PUT', url, headers }, { method: 'POST', url, fields } or { method: 'MULTIPART', parts: [{ partNumber, url }], partSize }.";

/** What a refusal tells the user: the field, the message and how to fix it. */
function refusal(run: () => unknown): { field: string; message: string; description?: string } {
	const { field, message, description } = inputErrorOf(run);
	return { field, message, description };
}

describe('parseTarget refuses, naming the field', () => {
	it.each([
		['text that is not JSON', 'not json', `"target" is text that is not JSON. ${SHAPES}`],
		['nothing', undefined, `"target" must be an object, got nothing. ${SHAPES}`],
		['null', null, `"target" must be an object, got null. ${SHAPES}`],
		['a list', [URL], `"target" must be an object, got a list. ${SHAPES}`],
		['a number', 5, `"target" must be an object, got a number. ${SHAPES}`],
		['JSON text of a list', '[1]', `"target" must be an object, got a list. ${SHAPES}`],
	])('a target that is %s', (_case, target, message) => {
		expect(refusal(() => parseTarget(target))).toMatchObject({ field: 'target', message });
	});

	it('an unknown method, in capitals as it was read', () => {
		expect(refusal(() => parseTarget({ method: 'patch', url: URL }))).toEqual({
			field: 'target.method',
			message: '"target.method" must be PUT, POST or MULTIPART, got "PATCH"',
			description: undefined,
		});
	});

	it.each([
		['missing', undefined, '"target.url" must be the presigned URL, got nothing'],
		['blank', '  ', '"target.url" must be the presigned URL, got a string'],
		['not a URL', 'storage/key', '"target.url" is not a valid URL'],
		['another protocol', 'ftp://h/k', '"target.url" must be an http or https URL, got ftp:'],
	])('a URL that is %s', (_case, url, message) => {
		expect(refusal(() => parseTarget({ method: 'PUT', url }))).toMatchObject({
			field: 'target.url',
			message,
		});
	});

	it('headers that are not an object, or a header value that is an object', () => {
		expect(refusal(() => parseTarget({ url: URL, headers: ['a'] }))).toMatchObject({
			field: 'target.headers',
			message: '"target.headers" must be an object of names and values',
		});
		expect(refusal(() => parseTarget({ url: URL, headers: { 'x-meta': { a: 1 } } }))).toMatchObject(
			{
				field: 'target.headers.x-meta',
				message: '"target.headers.x-meta" must be text, got a object',
			},
		);
	});

	it.each(['Authorization', 'proxy-authorization', 'Cookie', 'X-Api-Key', 'api-key'])(
		'a credential header (%s), which would leak to the storage host',
		(name) => {
			expect(refusal(() => parseTarget({ url: URL, headers: { [name]: 'secret' } }))).toEqual({
				field: `target.headers.${name}`,
				message: `The header "${name}" must not be sent to a presigned URL`,
				description:
					'A presigned URL is its own authorisation; sending credentials to the storage host would leak them. Remove the header.',
			});
		},
	);

	it('a form field named file, in any case', () => {
		expect(refusal(() => parseTarget({ url: URL, fields: { File: 'x' } }))).toMatchObject({
			field: 'target.fields.file',
			message: 'The form field "file" is the upload itself and must not be set in "target.fields"',
		});
	});

	it.each([
		['an empty list', []],
		['not a list', { 1: URL }],
	])('parts that are %s', (_case, parts) => {
		expect(refusal(() => parseTarget({ parts, partSize: 5 }))).toMatchObject({
			field: 'target.parts',
			message: '"target.parts" must be a non-empty list of part URLs',
		});
	});

	it('more parts than S3 allows', () => {
		const parts = Array.from({ length: 10_001 }, () => URL);
		expect(refusal(() => parseTarget({ parts, partSize: 5 }))).toMatchObject({
			field: 'target.parts',
			message: '"target.parts" has 10001 parts; S3 allows at most 10000',
		});
	});

	it.each([
		['0', 0],
		['a fraction', 1.5],
		['above 10000', 10_001],
		['a word', 'one'],
	])('a part number that is %s', (_case, partNumber) => {
		expect(
			refusal(() => parseTarget({ parts: [{ partNumber, url: URL }], partSize: 5 })),
		).toMatchObject({
			field: 'target.parts[0].partNumber',
			message: '"target.parts[0].partNumber" must be a whole number from 1 to 10000',
		});
	});

	it('a part that is neither a URL nor { partNumber, url }, and a part without a URL', () => {
		expect(refusal(() => parseTarget({ parts: [URL, 7], partSize: 5 }))).toMatchObject({
			field: 'target.parts[1]',
			message: '"target.parts[1]" must be { partNumber, url }',
		});
		expect(refusal(() => parseTarget({ parts: [{ partNumber: 1 }], partSize: 5 }))).toMatchObject({
			field: 'target.parts[0].url',
		});
	});

	it.each([
		['a gap', [1, 3]],
		['a repeat', [1, 1]],
		['no part 1', [2]],
	])('part numbers with %s', (_case, numbers) => {
		const parts = numbers.map((partNumber) => ({ partNumber, url: URL }));
		expect(refusal(() => parseTarget({ parts, partSize: 5 }))).toMatchObject({
			field: 'target.parts',
			message: '"target.parts" must number its parts 1, 2, 3, … without gaps or repeats',
		});
	});

	it.each([
		['missing', undefined, 'nothing'],
		['0', 0, 'a number'],
		['a fraction', 2.5, 'a number'],
		['a word', 'big', 'a string'],
		['an object', { size: 5 }, 'a object'],
	])('a part size that is %s', (_case, partSize, described) => {
		expect(refusal(() => parseTarget({ parts: [URL], partSize }))).toMatchObject({
			field: 'target.partSize',
			message: `"target.partSize" must be the part size in bytes, got ${described}`,
		});
	});

	it('a completeUrl or abortUrl that is not a URL', () => {
		const base = { parts: [URL], partSize: 5 };
		expect(refusal(() => parseTarget({ ...base, completeUrl: 'x' }))).toMatchObject({
			field: 'target.completeUrl',
		});
		expect(refusal(() => parseTarget({ ...base, abortUrl: 'x' }))).toMatchObject({
			field: 'target.abortUrl',
		});
	});

	it.each([
		[
			'a header name with a space',
			{ 'Content Type': 'image/png' },
			{
				field: 'target.headers.Content Type',
				message:
					'The header name "Content Type" is not valid: spaces and other separators are not allowed',
				description: 'Use the header name exactly as the URL was signed for, such as Content-Type.',
			},
		],
		[
			'a header value with a line break',
			{ 'x-amz-meta-note': 'a\nb' },
			{
				field: 'target.headers.x-amz-meta-note',
				message:
					'The value of the header "x-amz-meta-note" has line breaks or characters HTTP cannot carry',
				description:
					'The storage would receive another value than the one the URL was signed for. Remove the line breaks or use plain text.',
			},
		],
	])('%s, saying how to fix it', (_case, headers, expected) => {
		expect(refusal(() => parseTarget({ url: URL, headers }))).toEqual(expected);
	});

	it('an expiresAt that is no ISO time, saying to leave it out', () => {
		expect(refusal(() => parseTarget({ url: URL, expiresAt: 'soon' }))).toEqual({
			field: 'target.expiresAt',
			message: '"target.expiresAt" must be an ISO time such as 2026-11-23T12:00:00Z, got "soon"',
			description: 'Leave it out when the provider does not say when its URL expires.',
		});
	});

	it('an expiresAt that is no ISO time, shown cut to 40 characters', () => {
		const long = `x${'y'.repeat(60)}`;
		expect(refusal(() => parseTarget({ url: URL, expiresAt: long })).message).toBe(
			`"target.expiresAt" must be an ISO time such as 2026-11-23T12:00:00Z, got "${long.slice(0, 40)}"`,
		);
		expect(refusal(() => parseTarget({ url: URL, expiresAt: '2026-13-45T99:99Z' })).field).toBe(
			'target.expiresAt',
		);
	});
});

describe('parseTarget keeps', () => {
	it('part numbers given out of order, sorted, and part numbers as text', () => {
		const target = parseTarget({
			parts: [
				{ partNumber: '2', url: 'https://h/2' },
				{ partNumber: 1, url: 'https://h/1' },
			],
			partSize: '5',
			completeUrl: 'https://h/done',
			abortUrl: '',
			expiresAt: ' 2026-11-23T12:00+01:00 ',
		});
		expect(target).toEqual({
			method: 'MULTIPART',
			parts: [
				{ partNumber: 1, url: 'https://h/1' },
				{ partNumber: 2, url: 'https://h/2' },
			],
			partSize: 5,
			completeUrl: 'https://h/done',
			abortUrl: undefined,
			expiresAt: '2026-11-23T12:00+01:00',
		});
	});

	it('parts without a part number numbered by their place in the list', () => {
		const target = parseTarget({
			parts: [{ url: 'https://h/1' }, 'https://h/2', { url: 'https://h/3' }],
			partSize: 5,
		});
		expect(target).toMatchObject({
			parts: [
				{ partNumber: 1, url: 'https://h/1' },
				{ partNumber: 2, url: 'https://h/2' },
				{ partNumber: 3, url: 'https://h/3' },
			],
		});
	});

	it('a lower-case method, empty and null values left out, other values as text', () => {
		expect(
			parseTarget({
				method: 'post',
				url: ` ${URL} `,
				fields: { key: 'k', 'x-amz-meta-n': 5, gone: null, none: undefined },
				expiresAt: null,
			}),
		).toEqual({
			method: 'POST',
			url: URL,
			fields: { key: 'k', 'x-amz-meta-n': '5' },
			expiresAt: undefined,
		});
		expect(parseTarget({ method: '', url: URL, headers: '' })).toEqual({
			method: 'PUT',
			url: URL,
			headers: {},
			expiresAt: undefined,
		});
	});

	it('null as no value: no method, no headers, no fields, no abort or complete URL', () => {
		expect(parseTarget({ method: null, url: URL, headers: null })).toEqual({
			method: 'PUT',
			url: URL,
			headers: {},
			expiresAt: undefined,
		});
		expect(parseTarget({ method: 'POST', url: URL, fields: null })).toMatchObject({ fields: {} });
		expect(
			parseTarget({ parts: [URL], partSize: 5, completeUrl: null, abortUrl: null }),
		).toMatchObject({ method: 'MULTIPART', completeUrl: undefined, abortUrl: undefined });
	});

	it('JSON text with blanks before it, as JSON', () => {
		expect(parseTarget({ url: URL, headers: ' \n {"Content-Type": "image/png"}' })).toMatchObject({
			headers: { 'Content-Type': 'image/png' },
		});
	});

	it('text that only looks like JSON as it is', () => {
		expect(refusal(() => parseTarget({ url: URL, headers: '{oops' }))).toMatchObject({
			field: 'target.headers',
		});
	});
});

describe('parseUrl', () => {
	it('passes the hint on to the user', () => {
		expect(refusal(() => parseUrl('x', 'Base URL', 'Correct it in the credential.'))).toEqual({
			field: 'Base URL',
			message: '"Base URL" is not a valid URL',
			description: 'Correct it in the credential.',
		});
	});
});

describe('assertTargetFits', () => {
	const multipart = (count: number, partSize: number) =>
		parseTarget({ parts: Array.from({ length: count }, () => URL), partSize });

	it('takes exactly as many part URLs as the file makes parts, at least one', () => {
		expect(() => assertTargetFits(multipart(2, 5), 10)).not.toThrow();
		expect(() => assertTargetFits(multipart(1, 5), 0)).not.toThrow();
		expect(refusal(() => assertTargetFits(multipart(2, 5), 11))).toEqual({
			field: 'target.parts',
			message:
				'The file has 11 bytes, which makes 3 part(s) of 5 bytes, but "target.parts" has 2 URL(s)',
			description: 'Request the part URLs for this exact file size and part size.',
		});
		expect(refusal(() => assertTargetFits(multipart(2, 5), 5)).field).toBe('target.parts');
	});

	it('lets a single POST carry exactly 5 GiB, not a byte more', () => {
		const post = parseTarget({ url: URL, fields: {} });
		expect(() => assertTargetFits(post, 5 * 1024 ** 3)).not.toThrow();
		expect(refusal(() => assertTargetFits(post, 5 * 1024 ** 3 + 1))).toEqual({
			field: 'target.method',
			message: `The file has ${5 * 1024 ** 3 + 1} bytes; a single POST carries at most 5 GiB`,
			description: 'Ask the provider for a multipart upload instead.',
		});
	});
});
