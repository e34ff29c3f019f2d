// Multipart edge cases the storage sandbox never produces: a file that grew after its part URLs
// were requested, a part answered without its ETag, errors inside a completion's 200 answer, and
// a completion answer that carries the object's ETag only in its headers.
import { Readable } from 'node:stream';

import type { BinarySource } from '../../nodes/transfer/binary';
import { InputError, TransferError } from '../../nodes/transfer/errors';
import { uploadMultipart } from '../../nodes/transfer/multipart';
import type {
	StorageRequest,
	StorageResponse,
	StreamedResponse,
	Transport,
} from '../../nodes/transfer/transport';
import type { MultipartTarget } from '../../nodes/transfer/types';
import { rejectionOf } from '../support/failures';

const PART_SIZE = 8;

/** A storage that answers each request with `answer(request)`, and records every request. */
function storage(answer: (request: StorageRequest) => StorageResponse, maxAttempts = 1) {
	const requests: StorageRequest[] = [];
	const transport: Transport = {
		send: async (request) => {
			requests.push(request);
			return answer(request);
		},
		receive: async (): Promise<StreamedResponse> => {
			throw new Error('no downloads here');
		},
		forCleanup: () => transport,
		retry: { maxAttempts, baseDelayMs: 0, maxDelayMs: 0 },
	};
	return { transport, requests };
}

const partAnswer: StorageResponse = { statusCode: 200, headers: { etag: '"part"' }, body: '' };

function fileOf(bytes: number, recordedSize = bytes): BinarySource {
	return {
		size: recordedSize,
		mimeType: 'application/octet-stream',
		fileName: 'file.bin',
		open: async () => Readable.from([Buffer.alloc(bytes, 7)]),
	};
}

function targetWith(parts: number): MultipartTarget {
	return {
		method: 'MULTIPART',
		partSize: PART_SIZE,
		parts: Array.from({ length: parts }, (_, index) => ({
			partNumber: index + 1,
			url: `https://s3.example.com/b/k?partNumber=${index + 1}&uploadId=u`,
		})),
		completeUrl: 'https://s3.example.com/b/k?uploadId=u',
		abortUrl: 'https://s3.example.com/b/k?uploadId=u&abort',
	};
}

describe('uploadMultipart', () => {
	it('fails a file that grew past its part URLs, and aborts the upload', async () => {
		const { transport, requests } = storage(() => partAnswer);

		const failure = await rejectionOf(
			uploadMultipart(transport, targetWith(1), fileOf(PART_SIZE + 1, PART_SIZE), 1),
			InputError,
		);

		expect(failure.field).toBe('target.parts');
		expect(failure.message).toBe('The binary is longer than the 1 part(s) the target has URLs for');
		expect(failure.description).toBe(
			'The file grew after the part URLs were requested. Request them again for the current size.',
		);
		expect(requests.map((request) => request.method)).toEqual(['PUT', 'DELETE']);
		expect(requests[1]).toMatchObject({
			url: 'https://s3.example.com/b/k?uploadId=u&abort',
			headers: { 'Content-Length': '0' },
		});
	});

	it('fails a part the storage answers without an ETag at once, and aborts the upload', async () => {
		const { transport, requests } = storage(() => ({ statusCode: 200, headers: {}, body: '' }), 3);

		const failure = await rejectionOf(
			uploadMultipart(transport, targetWith(1), fileOf(PART_SIZE), 1),
			TransferError,
		);

		expect(failure.message).toBe('The storage accepted part 1 but sent no ETag');
		expect(failure.details.description).toBe(
			'Without every ETag the upload cannot be completed. If the storage sits behind a proxy or CORS layer, let it pass the ETag header.',
		);
		expect(requests.map((request) => request.method)).toEqual(['PUT', 'DELETE']);
	});

	it('sends the completion as XML with its exact length', async () => {
		const { transport, requests } = storage((request) =>
			request.method === 'POST'
				? { statusCode: 200, headers: {}, body: '<CompleteMultipartUploadResult/>' }
				: partAnswer,
		);

		await uploadMultipart(transport, targetWith(1), fileOf(PART_SIZE), 1);

		const completion = requests[1];
		expect(completion.method).toBe('POST');
		expect(completion.headers).toEqual({
			'Content-Type': 'application/xml',
			'Content-Length': String((completion.body as Buffer).length),
		});
	});

	/** S3's answer to a completion that failed after its 200 status was sent. */
	const errorInside = (code: string) =>
		`<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>${code}</Code>\n  <Message>Try again.</Message>\n</Error>`;

	it.each(['InternalError', 'SlowDown'])(
		'tries a completion again when its 200 answer carries %s',
		async (code) => {
			let completions = 0;
			const { transport, requests } = storage((request) => {
				if (request.method !== 'POST') return partAnswer;
				completions++;
				return completions === 1
					? { statusCode: 200, headers: {}, body: errorInside(code) }
					: {
							statusCode: 200,
							headers: {},
							body: '<CompleteMultipartUploadResult><ETag>&quot;whole-1&quot;</ETag></CompleteMultipartUploadResult>',
						};
			}, 2);

			const result = await uploadMultipart(transport, targetWith(1), fileOf(PART_SIZE), 1);

			expect(result.etag).toBe('"whole-1"');
			expect(requests.map((request) => request.method)).toEqual(['PUT', 'POST', 'POST']);
		},
	);

	it.each([
		['another error', errorInside('InvalidPart')],
		[
			'an error whose Code is not its first element',
			'<Error>\n  <Resource>/b/k</Resource>\n  <Code>InvalidPart</Code>\n</Error>',
		],
	])('fails a completion at once when its 200 answer carries %s', async (_case, body) => {
		const { transport, requests } = storage(
			(request) =>
				request.method === 'POST' ? { statusCode: 200, headers: {}, body } : partAnswer,
			2,
		);

		const failure = await rejectionOf(
			uploadMultipart(transport, targetWith(1), fileOf(PART_SIZE), 1),
			TransferError,
		);

		expect(failure.message).toBe(
			'The storage could not complete the multipart upload: InvalidPart',
		);
		expect(failure.details).toMatchObject({
			httpCode: 200,
			storageCode: 'InvalidPart',
		});
		expect(requests.map((request) => request.method)).toEqual(['PUT', 'POST', 'DELETE']);
	});

	it('escapes the ETags it sends back in the completion XML', async () => {
		const { transport, requests } = storage((request) =>
			request.method === 'POST'
				? { statusCode: 200, headers: {}, body: '<CompleteMultipartUploadResult/>' }
				: { statusCode: 200, headers: { etag: '"a&b<c>"' }, body: '' },
		);

		await uploadMultipart(transport, targetWith(1), fileOf(PART_SIZE), 1);

		expect(String(requests[1].body)).toBe(
			'<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Part><PartNumber>1</PartNumber><ETag>"a&amp;b&lt;c&gt;"</ETag></Part></CompleteMultipartUpload>',
		);
	});

	it("takes the object's ETag from the completion's headers when its body has none", async () => {
		const { transport } = storage((request) =>
			request.method === 'POST'
				? {
						statusCode: 200,
						headers: { etag: '"whole-2"' },
						body: '<CompleteMultipartUploadResult><Location>https://s3.example.com/b/k</Location></CompleteMultipartUploadResult>',
					}
				: partAnswer,
		);

		const result = await uploadMultipart(transport, targetWith(2), fileOf(PART_SIZE + 1), 1);

		expect(result.etag).toBe('"whole-2"');
		expect(result.location).toBe('https://s3.example.com/b/k');
		expect(result.etags).toEqual([
			{ partNumber: 1, etag: '"part"' },
			{ partNumber: 2, etag: '"part"' },
		]);
	});
});
