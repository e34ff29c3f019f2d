// Which values of a target are secret, so that no message shows them in any form.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { ByteTap } from '../../nodes/transfer/hash';
import { describeUrl, maskSecrets, secretsOfTarget } from '../../nodes/transfer/redact';

describe('secretsOfTarget', () => {
	it("a PUT URL's signature, credential and token, and the access key id inside the credential", () => {
		const url =
			'https://h/b/k?X-Amz-Credential=AKIAABCDEFGHIJKLMNOP%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=sig123&X-Amz-Security-Token=tok456&X-Amz-Expires=60';
		expect(secretsOfTarget({ method: 'PUT', url, headers: {} })).toStrictEqual([
			'AKIAABCDEFGHIJKLMNOP/20260101/us-east-1/s3/aws4_request',
			'sig123',
			'tok456',
			'AKIAABCDEFGHIJKLMNOP',
		]);
	});

	it("a POST form's policy and signature fields, whatever their case, once each", () => {
		expect(
			secretsOfTarget({
				method: 'POST',
				url: 'https://h/b?Signature=same',
				fields: { key: 'k', Policy: 'eyJwb2xpY3kiOjF9', 'X-Amz-Signature': 'same', acl: 'private' },
			}),
		).toStrictEqual(['same', 'eyJwb2xpY3kiOjF9']);
	});

	it('every part URL, the complete URL and the abort URL of a multipart upload', () => {
		expect(
			secretsOfTarget({
				method: 'MULTIPART',
				parts: [
					{ partNumber: 1, url: 'https://h/k?partNumber=1&X-Amz-Signature=p1' },
					{ partNumber: 2, url: 'https://h/k?partNumber=2&X-Amz-Signature=p2' },
				],
				partSize: 5,
				completeUrl: 'https://h/k?uploadId=u&X-Amz-Signature=c3',
				abortUrl: 'not a url',
			}),
		).toStrictEqual(['p1', 'p2', 'c3']);
	});
});

it('takes an access key id only from the start of a credential', () => {
	const url = 'https://h/k?X-Amz-Security-Token=abcDEFGHIJKLMNOPQRST%2Frest';
	expect(secretsOfTarget({ method: 'PUT', url, headers: {} })).toStrictEqual([
		'abcDEFGHIJKLMNOPQRST/rest',
	]);
});

describe('maskSecrets', () => {
	it('masks a known secret from six characters on', () => {
		expect(maskSecrets('key abcdef here', ['abcdef'])).toBe('key *** here');
		expect(maskSecrets('key abcde here', ['abcde'])).toBe('key abcde here');
	});
});

describe('describeUrl', () => {
	it('shows what is not a URL without its query, redacted', () => {
		expect(describeUrl('storage/key?X-Amz-Signature=abc')).toBe('storage/key');
		expect(describeUrl('token=abc123')).toBe('token=***');
	});
});

describe('ByteTap', () => {
	it('fails a stream as soon as it passes the limit, keeping why', async () => {
		const tap = new ByteTap({ limit: 4 });
		await expect(
			pipeline(Readable.from([Buffer.from('abcd'), Buffer.from('e')]), tap, async (source) => {
				for await (const _chunk of source) void _chunk;
			}),
		).rejects.toThrow('The file is larger than the allowed 4 bytes');
		expect(tap.bytes).toBe(5);
		expect(tap.failure?.message).toBe('The file is larger than the allowed 4 bytes');
	});

	it('passes a stream of exactly the limit and the expected length, hashing it', async () => {
		const tap = new ByteTap({ limit: 3, expected: 3 });
		await pipeline(Readable.from([Buffer.from('abc')]), tap, async (source) => {
			for await (const _chunk of source) void _chunk;
		});
		expect(tap.bytes).toBe(3);
		expect(tap.failure).toBeUndefined();
		expect(tap.digest()).toEqual({
			sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
			sha256Base64: 'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=',
		});
	});
});
