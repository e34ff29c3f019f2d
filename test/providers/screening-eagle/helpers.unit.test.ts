import type { IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../../../nodes/shared/errors';
import { contentTypeOf } from '../../../nodes/ScreeningEagleInspect/helpers/contentType';
import {
	ASSUMED_COMPLETE,
	completeRequestField,
	readCompleteRequest,
} from '../../../nodes/ScreeningEagleInspect/helpers/completeRequest';
import { sha256Base64Of } from '../../../nodes/ScreeningEagleInspect/helpers/hash';
import { millisecondsOf } from '../../../nodes/ScreeningEagleInspect/helpers/timestamps';

const HEX = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const BASE64 = Buffer.from(HEX, 'hex').toString('base64');

const failure = (run: () => unknown) => {
	try {
		run();
	} catch (error) {
		return error as InputError;
	}
	throw new Error('expected an InputError');
};

describe('sha256Base64Of', () => {
	it('accepts the base64 of a SHA-256', () =>
		expect(sha256Base64Of(` ${BASE64} `, 'Hash')).toBe(BASE64));

	it('refuses hex, naming the field and the fix', () => {
		const error = failure(() => sha256Base64Of(HEX, 'Hash'));
		expect(error).toBeInstanceOf(InputError);
		expect(error.field).toBe('Hash');
		expect(error.message).toMatch(/^"Hash" is a hex SHA-256/);
		expect(error.description).toMatch(/base64/);
	});

	it.each(['', 'abc', `${BASE64}==`, BASE64.slice(0, 43)])('refuses %j', (value) => {
		expect(failure(() => sha256Base64Of(value, 'Hash')).message).toMatch(
			/must be the base64 SHA-256/,
		);
	});
});

describe('contentTypeOf', () => {
	it.each([
		['', 'image/jpeg', 'image/jpeg'],
		['', 'text/plain; charset=utf-8', 'text/plain'],
		['application/pdf', 'image/jpeg', 'application/pdf'],
	])('override %j, binary %j → %j', (override, mimeType, expected) => {
		expect(contentTypeOf(override, mimeType)).toBe(expected);
	});

	it('refuses a missing MIME type with a hint to set one', () => {
		const error = failure(() => contentTypeOf('', ''));
		expect(error.field).toBe('Content Type');
		expect(error.description).toMatch(/Content Type option/);
	});
});

describe('millisecondsOf', () => {
	const now = 1_763_892_000_000;

	it.each([
		['', now],
		[undefined, now],
		['2026-11-23T10:00:00Z', Date.parse('2026-11-23T10:00:00Z')],
		[String(now), now],
		[now, now],
	])('%j → %j', (value, expected) => expect(millisecondsOf(value, 'At', now)).toBe(expected));

	it.each([['1763892000'], [1763892000], ['yesterday']])('refuses %j', (value) => {
		expect(failure(() => millisecondsOf(value, 'At', now)).field).toBe('At');
	});
});

describe('readCompleteRequest', () => {
	const contextWith = (values: Record<string, unknown>) =>
		({
			getNodeParameter: (name: string, _item: number, fallback: unknown) =>
				name in values ? values[name] : fallback,
		}) as unknown as IExecuteFunctions;

	it("defaults to the assumption, which is also the editor's default", () => {
		const request = readCompleteRequest(contextWith({}), 0)('f-1');
		expect(request).toEqual({ method: 'POST', path: ASSUMED_COMPLETE.path, body: { id: 'f-1' } });
		const defaults = Object.fromEntries(
			(completeRequestField.options as Array<{ name: string; default: unknown }>).map((o) => [
				o.name,
				o.default,
			]),
		);
		expect(defaults).toEqual(ASSUMED_COMPLETE);
	});

	it('fills {fileId} into the path (encoded) and into every text of the body', () => {
		const request = readCompleteRequest(
			contextWith({
				'completeRequest.method': 'put',
				'completeRequest.path': '/api/inspect/v1/file/{fileId}/uploaded',
				'completeRequest.body': { ids: ['{fileId}'], note: 'file {fileId} done', count: 1 },
			}),
			0,
		)('a/b');
		expect(request).toEqual({
			method: 'PUT',
			path: '/api/inspect/v1/file/a%2Fb/uploaded',
			body: { ids: ['a/b'], note: 'file a/b done', count: 1 },
		});
	});

	it('refuses GET before any file ID is known', () => {
		const error = failure(() =>
			readCompleteRequest(contextWith({ 'completeRequest.method': 'GET' }), 0),
		);
		expect(error.field).toBe('Complete Request Method');
	});
});
