// Inputs the engine must refuse before any byte is read or sent, naming the field.
import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { readBinary } from '../../nodes/transfer/binary';
import { InputError } from '../../nodes/transfer/errors';
import { parseTarget } from '../../nodes/transfer/target';
import { inputErrorOf } from '../support/failures';

const URL = 'https://storage.example.com/key?X-Amz-Signature=abc';

const refusal = inputErrorOf;

describe('target checks', () => {
	it.each([
		['a word', 'soon'],
		['0', 0],
		['epoch seconds', 1795000000],
		['a date without time', '2026-11-23'],
	])('refuses expiresAt given as %s', (_case, expiresAt) => {
		const error = refusal(() => parseTarget({ method: 'PUT', url: URL, expiresAt }));
		expect(error.field).toBe('target.expiresAt');
		expect(error.message).toMatch(/^"target.expiresAt" must be an ISO time/);
	});

	it('keeps an ISO expiresAt as it is', () => {
		expect(
			parseTarget({ method: 'PUT', url: URL, expiresAt: '2026-11-23T12:00:00.000Z' }),
		).toMatchObject({ expiresAt: '2026-11-23T12:00:00.000Z' });
	});

	it("refuses a part size above S3's 5 GiB before allocating it", () => {
		const error = refusal(() =>
			parseTarget({ method: 'MULTIPART', parts: [URL], partSize: 2 ** 40 }),
		);
		expect(error.field).toBe('target.partSize');
		expect(error.message).toBe(
			`"target.partSize" is ${2 ** 40} bytes; S3 allows at most 5 GiB per part`,
		);
	});

	it.each([
		['a number', 1],
		['an object', { verb: 'PUT' }],
		['true', true],
	])('refuses a method that is %s instead of treating it as PUT', (_case, method) => {
		const error = refusal(() => parseTarget({ method, url: URL }));
		expect(error.field).toBe('target.method');
	});
});

describe('binary checks', () => {
	function context(binary: Partial<IBinaryData>, metadata?: () => Promise<unknown>) {
		return {
			helpers: {
				assertBinaryData: () => binary,
				getBinaryMetadata: metadata,
			},
		} as unknown as IExecuteFunctions;
	}

	it('names the field when the binary has neither data nor an id', async () => {
		const ctx = context({ mimeType: 'image/png' });

		const error = await readBinary(ctx, 0, 'photo').catch((failure: unknown) => failure);

		expect(error).toBeInstanceOf(InputError);
		expect(error).toMatchObject({
			field: 'photo',
			message: 'The binary "photo" holds no data',
			description:
				"The previous node made a binary field without a file in it. Check that node's output in the Binary tab.",
		});
	});

	it('names the field when the binary points at stored data that is gone', async () => {
		const ctx = context({ mimeType: 'image/png', id: 'filesystem-v2:gone' }, async () => {
			throw new Error('File not found');
		});

		const error = await readBinary(ctx, 0, 'photo').catch((failure: unknown) => failure);

		expect(error).toBeInstanceOf(InputError);
		expect(error).toMatchObject({
			field: 'photo',
			message: 'The binary "photo" points at stored data n8n no longer has',
			description:
				"The file was removed from n8n's binary store, for example by pruning old executions. Produce it again in this execution.",
		});
	});
});

describe('header checks', () => {
	it.each([
		['a leading space', ' Authorization'],
		['a trailing space', 'Authorization '],
		['a space inside', 'Content Type'],
		['a colon', 'Content-Type:'],
	])('refuses a header name with %s, naming it', (_case, name) => {
		const error = refusal(() => parseTarget({ method: 'PUT', url: URL, headers: { [name]: 'x' } }));
		expect(error.field).toBe(`target.headers.${name}`);
		expect(error.message).toMatch(/is not valid/);
	});

	it.each([
		['a line break', 'image/png\r\nX-Injected: 1'],
		['a NUL', 'image/png\u0000'],
		['a character beyond Latin-1', 'image/png; name=€'],
	])('refuses a header value with %s', (_case, value) => {
		const error = refusal(() =>
			parseTarget({ method: 'PUT', url: URL, headers: { 'Content-Type': value } }),
		);
		expect(error.field).toBe('target.headers.Content-Type');
	});

	it('keeps ordinary headers as they are', () => {
		expect(
			parseTarget({
				method: 'PUT',
				url: URL,
				headers: { 'Cache-Control': 'max-age=10', 'x-amz-acl': 'public-read' },
			}),
		).toMatchObject({ headers: { 'Cache-Control': 'max-age=10', 'x-amz-acl': 'public-read' } });
	});
});
