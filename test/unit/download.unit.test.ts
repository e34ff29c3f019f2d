// How a download reads what the storage sends: the file name and type it gives, a body larger than allowed
// that announced no length, and a body cut off on the wire. The HTTP helper and n8n's
// prepareBinaryData are stand-ins that hand over and read the stream as n8n's do.
import type { IExecuteFunctions } from 'n8n-workflow';
import { Readable } from 'node:stream';

import { downloadToBinary } from '../../nodes/transfer/download';
import { TransferError } from '../../nodes/transfer/errors';
import { createTransport } from '../../nodes/transfer/transport';
import { rejectionOf } from '../support/failures';

const URL = 'https://storage.example.com/b/result.png?X-Amz-Signature=abc';

function bodyFailingAfter(bytes: number, error: Error): Readable {
	let sent = false;
	return new Readable({
		read() {
			if (!sent) {
				sent = true;
				this.push(Buffer.alloc(bytes, 1));
			} else this.destroy(error);
		},
	});
}

/** Downloads from a storage that answers 200 with these headers and this body. */
async function downloadFrom(headers: Record<string, string>, body: Readable, maxBytes?: number) {
	const transport = createTransport(
		(async () => ({ statusCode: 200, headers, body })) as never,
		{ maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
		1_000,
	);
	const ctx = {
		helpers: {
			prepareBinaryData: async (stream: Readable, fileName?: string, mimeType?: string) => {
				let length = 0;
				for await (const chunk of stream as AsyncIterable<Buffer>) length += chunk.length;
				return { data: '', fileName, mimeType, fileSize: String(length) };
			},
		},
	} as unknown as IExecuteFunctions;
	return await downloadToBinary(ctx, transport, { url: URL, maxBytes });
}

const failureOf = async (download: Promise<unknown>) => await rejectionOf(download, TransferError);

describe('downloadToBinary', () => {
	it('takes the file name the answer gives, as written when it is not valid percent-encoding', async () => {
		const result = await downloadFrom(
			{ 'content-disposition': 'attachment; filename=" 100%off.png "' },
			Readable.from([Buffer.from('abc')]),
		);

		expect(result.binary.fileName).toBe('100%off.png');
		expect(result.bytes).toBe(3);
	});

	it.each([
		[
			'the UTF-8 name over the plain one',
			`attachment; filename="fallback.png"; filename*=UTF-8''na%C3%AFve.png`,
			'naïve.png',
		],
		[
			'the UTF-8 name with spaces around its =',
			`attachment; filename* = UTF-8''caf%C3%A9.png`,
			'café.png',
		],
		['a quoted name', 'attachment; filename="report.pdf"', 'report.pdf'],
		['an unquoted name', 'attachment; filename=report.pdf', 'report.pdf'],
		["the URL's last segment without a header", undefined, 'result.png'],
	])('names the file by %s', async (_case, disposition, fileName) => {
		const headers: Record<string, string> = disposition
			? { 'content-disposition': disposition }
			: {};
		const result = await downloadFrom(headers, Readable.from([Buffer.from('abc')]));

		expect(result.binary.fileName).toBe(fileName);
	});

	it.each([
		['the type without its parameters', 'image/png; charset=binary', 'image/png'],
		["none for S3's unknown type", 'binary/octet-stream', undefined],
		['none without a header', undefined, undefined],
	])('gives the file %s from Content-Type', async (_case, contentType, mimeType) => {
		const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
		const result = await downloadFrom(headers, Readable.from([Buffer.from('abc')]));

		expect(result.binary.mimeType).toBe(mimeType);
	});

	it('ignores a Content-Length that is not a byte count', async () => {
		const result = await downloadFrom(
			{ 'content-length': '-1' },
			Readable.from([Buffer.from('abc')]),
		);

		expect(result.bytes).toBe(3);
	});

	it('stops a body without Content-Length as soon as it passes the allowed size', async () => {
		const error = await failureOf(
			downloadFrom({}, Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1_000),
		);

		expect(error.message).toBe('The file is larger than the allowed 1000 bytes');
	});

	it('reports a body cut off on the wire as a network failure of the download', async () => {
		const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });

		const error = await failureOf(downloadFrom({}, bodyFailingAfter(100, reset)));

		expect(error.message).toBe(
			'Could not reach the storage: ECONNRESET (tried once, as Max Attempts asks)',
		);
		expect(error.details.description).toBe(
			'GET https://storage.example.com/b/result.png failed before an answer came back.',
		);
	});
});
