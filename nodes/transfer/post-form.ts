import { randomBytes } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';

import type { BinarySource } from './binary';
import { ByteTap, type Digest } from './hash';
import { withRetry } from './retry';
import { header, type Transport } from './transport';
import type { PostTarget } from './types';

const CRLF = '\r\n';

export function quoted(text: string): string {
	return text.replace(/[\r\n]/g, ' ').replace(/"/g, '%22');
}

function fieldValue(fields: Record<string, string>, name: string): string | undefined {
	const key = Object.keys(fields).find((field) => field.toLowerCase() === name.toLowerCase());
	return key === undefined ? undefined : fields[key];
}

/** The parts of a multipart/form-data body around the file: every field first, the file last. */
export function formEnvelope(
	fields: Record<string, string>,
	source: Pick<BinarySource, 'fileName' | 'mimeType'>,
	boundary: string,
): { head: Buffer; tail: Buffer } {
	let head = '';
	for (const [name, value] of Object.entries(fields)) {
		head += `--${boundary}${CRLF}Content-Disposition: form-data; name="${quoted(name)}"${CRLF}${CRLF}${value}${CRLF}`;
	}
	const fileType = fieldValue(fields, 'Content-Type') ?? source.mimeType;
	head += `--${boundary}${CRLF}Content-Disposition: form-data; name="file"; filename="${quoted(source.fileName)}"${CRLF}`;
	head += `Content-Type: ${fileType}${CRLF}${CRLF}`;
	return {
		head: Buffer.from(head, 'utf8'),
		tail: Buffer.from(`${CRLF}--${boundary}--${CRLF}`, 'utf8'),
	};
}

/** An S3 presigned POST: the policy's fields, then the file streamed, with an exact Content-Length. */
export async function postForm(
	transport: Transport,
	target: PostTarget,
	source: BinarySource,
): Promise<Digest & { etag?: string; location?: string }> {
	const boundary = `----n8nPresignedUpload${randomBytes(12).toString('hex')}`;
	const { head, tail } = formEnvelope(target.fields, source, boundary);
	return await withRetry(async () => {
		const tap = new ByteTap({ expected: source.size });
		pipeline(await source.open(), tap, () => {});
		const body = Readable.from(
			(async function* () {
				yield head;
				for await (const chunk of tap) yield chunk as Buffer;
				yield tail;
			})(),
		);
		const response = await transport
			.send({
				method: 'POST',
				url: target.url,
				headers: {
					'Content-Type': `multipart/form-data; boundary=${boundary}`,
					'Content-Length': String(head.length + source.size + tail.length),
				},
				body,
			})
			.catch(async (error: unknown) => await Promise.reject(tap.failure ?? error));
		return {
			...tap.digest(),
			etag: header(response, 'etag'),
			location: header(response, 'location'),
		};
	}, transport.retry);
}
