import { Readable } from 'node:stream';

import { ByteTap } from '../../nodes/transfer/hash';
import { cutIntoParts, PartBuffers, type Part } from '../../nodes/transfer/parts';
import { assertTargetFits, parseTarget } from '../../nodes/transfer/target';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternBuffer } = require('../../sandbox/bytes');

const MiB = 1024 * 1024;

async function partsOf(file: Buffer, chunkSizes: number[], partSize: number) {
	const chunks: Buffer[] = [];
	for (let offset = 0, i = 0; offset < file.length; i++) {
		const size = chunkSizes[i % chunkSizes.length];
		chunks.push(file.subarray(offset, offset + size));
		offset += size;
	}
	const tap = new ByteTap();
	const parts = [];
	for await (const part of cutIntoParts(Readable.from(chunks), partSize, tap)) parts.push(part);
	return { parts, tap };
}

describe('cutIntoParts', () => {
	it('cuts a 7 MiB stream of odd chunk sizes into exact 2 MiB parts, the last shorter', async () => {
		const file = patternBuffer(7 * MiB, 3);
		const { parts, tap } = await partsOf(file, [16 * 1024 + 7, 3 * MiB + 1, 1, 65_536], 2 * MiB);

		expect(parts.map((part) => [part.partNumber, part.body.length])).toEqual([
			[1, 2 * MiB],
			[2, 2 * MiB],
			[3, 2 * MiB],
			[4, MiB],
		]);
		expect(Buffer.concat(parts.map((part) => part.body)).equals(file)).toBe(true);
		expect(tap.bytes).toBe(file.length);
	});

	it('gives each part its own memory, never a view into a stream chunk', async () => {
		const file = patternBuffer(3 * MiB, 4);
		const { parts } = await partsOf(file, [3 * MiB], MiB);

		for (const part of parts) expect(part.body.buffer).not.toBe(file.buffer);
	});

	it('yields one empty part for an empty file, so an empty object can still be completed', async () => {
		const { parts } = await partsOf(Buffer.alloc(0), [1], MiB);

		expect(parts.map((part) => [part.partNumber, part.body])).toEqual([[1, Buffer.alloc(0)]]);
	});

	it('fills a later part with the memory of a released one: 6 parts, 2 at a time, use 2 buffers', async () => {
		const file = patternBuffer(6 * MiB, 6);
		const buffers = new PartBuffers(MiB);
		const parts = cutIntoParts(Readable.from([file]), MiB, new ByteTap(), buffers);
		const inFlight = [];
		const bodies: Buffer[] = [];
		for await (const part of parts) {
			bodies.push(Buffer.from(part.body));
			inFlight.push(part);
			if (inFlight.length === 2) inFlight.shift()!.release();
		}

		expect(buffers.allocated).toBe(2);
		expect(Buffer.concat(bodies).equals(file)).toBe(true);
	});

	it('takes a part back once however often it is released, so no two parts share memory', async () => {
		const file = patternBuffer(3 * MiB, 7);
		const parts = cutIntoParts(Readable.from([file]), MiB, new ByteTap(), new PartBuffers(MiB));
		const first = (await parts.next()).value as Part;
		first.release();
		first.release();

		const second = (await parts.next()).value as Part;
		const third = (await parts.next()).value as Part;

		expect(second.body.equals(file.subarray(MiB, 2 * MiB))).toBe(true);
		expect(third.body.equals(file.subarray(2 * MiB))).toBe(true);
	});

	it('ends exactly on a part boundary without an empty extra part', async () => {
		const { parts } = await partsOf(patternBuffer(2 * MiB, 5), [100_000], MiB);

		expect(parts.map((part) => part.body.length)).toEqual([MiB, MiB]);
	});
});

describe('parseTarget', () => {
	it('infers the method from the shape and drops framing headers the engine sets itself', () => {
		expect(
			parseTarget({
				url: 'https://h/k',
				headers: { 'Content-Length': '9', 'Content-Type': 'image/png' },
			}),
		).toEqual({
			method: 'PUT',
			url: 'https://h/k',
			headers: { 'Content-Type': 'image/png' },
			expiresAt: undefined,
		});
		expect(parseTarget('{"url":"https://h/","fields":{"key":"k"}}')).toMatchObject({
			method: 'POST',
			fields: { key: 'k' },
		});
		expect(parseTarget({ parts: ['https://h/1', 'https://h/2'], partSize: 5 })).toMatchObject({
			method: 'MULTIPART',
			parts: [
				{ partNumber: 1, url: 'https://h/1' },
				{ partNumber: 2, url: 'https://h/2' },
			],
		});
	});

	it('accepts parts, headers and fields as JSON text, as n8n hands over a JSON parameter', () => {
		expect(parseTarget({ parts: '["https://h/1"]', partSize: 5 })).toMatchObject({
			parts: [{ partNumber: 1, url: 'https://h/1' }],
		});
		expect(
			parseTarget({ url: 'https://h/k', headers: '{"Content-Type":"image/png"}' }),
		).toMatchObject({
			headers: { 'Content-Type': 'image/png' },
		});
		expect(() => parseTarget({ parts: '[oops', partSize: 5 })).toThrow(
			/"target.parts" must be a non-empty list/,
		);
	});

	it('refuses a single PUT over 5 GiB and suggests multipart', () => {
		expect(() => assertTargetFits(parseTarget({ url: 'https://h/k' }), 5 * 1024 ** 3 + 1)).toThrow(
			/at most 5 GiB/,
		);
	});
});
