import type { BinarySource } from './binary';
import { InputError, TransferError } from './errors';
import { ByteTap, type Digest } from './hash';
import { assertStreamedWhole } from './length';
import { cutIntoParts, type Part } from './parts';
import { withRetry, throwIfCancelled } from './retry';
import { header, type StorageResponse, type Transport } from './transport';
import type { MultipartTarget, PartETag } from './types';

function xmlText(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function completionXml(etags: PartETag[]): string {
	const parts = etags
		.map(
			(part) =>
				`<Part><PartNumber>${part.partNumber}</PartNumber><ETag>${xmlText(part.etag)}</ETag></Part>`,
		)
		.join('');
	return `<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${parts}</CompleteMultipartUpload>`;
}

async function uploadPart(
	transport: Transport,
	target: MultipartTarget,
	part: Part,
): Promise<PartETag> {
	const url = target.parts[part.partNumber - 1]?.url;
	if (!url) {
		throw new InputError(
			'target.parts',
			`The binary is longer than the ${target.parts.length} part(s) the target has URLs for`,
			'The file grew after the part URLs were requested. Request them again for the current size.',
		);
	}
	// Every attempt sends the same buffer; once the part is done with, it carries a later part.
	const etag = await withRetry(async () => {
		const response = await transport.send({
			method: 'PUT',
			url,
			headers: { 'Content-Length': String(part.body.length) },
			body: part.body,
		});
		const answered = header(response, 'etag');
		if (!answered) {
			throw new TransferError(`The storage accepted part ${part.partNumber} but sent no ETag`, {
				description:
					'Without every ETag the upload cannot be completed. If the storage sits behind a proxy or CORS layer, let it pass the ETag header.',
				retryable: false,
			});
		}
		return answered;
	}, transport.retry).finally(part.release);
	return { partNumber: part.partNumber, etag };
}

/** S3 can answer CompleteMultipartUpload with 200 and an error inside the body. */
function assertCompleted(response: StorageResponse): void {
	const code = /<Error>[\s\S]*?<Code>([^<]*)<\/Code>/.exec(response.body)?.[1];
	if (code) {
		throw new TransferError(`The storage could not complete the multipart upload: ${code}`, {
			httpCode: response.statusCode,
			storageCode: code,
			retryable: code === 'InternalError' || code === 'SlowDown',
		});
	}
}

async function complete(
	transport: Transport,
	completeUrl: string,
	etags: PartETag[],
): Promise<{ etag?: string; location?: string }> {
	const body = Buffer.from(completionXml(etags), 'utf8');
	const response = await withRetry(async () => {
		const answer = await transport.send({
			method: 'POST',
			url: completeUrl,
			headers: { 'Content-Type': 'application/xml', 'Content-Length': String(body.length) },
			body,
		});
		assertCompleted(answer);
		return answer;
	}, transport.retry);
	const etag =
		/<ETag>([^<]*)<\/ETag>/.exec(response.body)?.[1]?.replace(/&quot;/g, '"') ??
		header(response, 'etag');
	const location = /<Location>([^<]*)<\/Location>/.exec(response.body)?.[1];
	return { etag, location };
}

/** Best effort: the upload already failed, and that failure is what the user must see. */
async function abort(transport: Transport, abortUrl: string): Promise<void> {
	await transport
		.forCleanup()
		.send({ method: 'DELETE', url: abortUrl, headers: { 'Content-Length': '0' } })
		.catch(() => {});
}

/**
 * Sends every part: cut to `partSize`, at most `concurrency` in flight (so memory stays near
 * concurrency × partSize), each retried from its own buffer. ETags come back in part order.
 */
async function sendParts(
	transport: Transport,
	target: MultipartTarget,
	source: BinarySource,
	concurrency: number,
): Promise<Digest & { etags: PartETag[] }> {
	const tap = new ByteTap();
	const stream = await source.open();
	const parts = cutIntoParts(stream, target.partSize, tap);
	const etags: PartETag[] = [];
	let failure: unknown;

	const worker = async () => {
		while (failure === undefined) {
			throwIfCancelled(transport.signal);
			const next = await parts.next();
			if (next.done) return;
			etags.push(await uploadPart(transport, target, next.value));
		}
	};
	const workers = Array.from({ length: Math.max(1, concurrency) }, async () => {
		try {
			await worker();
		} catch (error) {
			failure ??= error;
		}
	});
	try {
		await Promise.all(workers);
	} finally {
		stream.destroy();
	}
	if (failure !== undefined) throw failure;

	// With the size checked against the part URLs before the upload (assertTargetFits), a file of
	// its recorded size fills every part URL exactly.
	assertStreamedWhole(tap.bytes, source.size);
	return { ...tap.digest(), etags: etags.sort((a, b) => a.partNumber - b.partNumber) };
}

/**
 * An S3 multipart upload over presigned part URLs, completed when the target has a complete URL.
 * Any failure, completion included, aborts the upload when the target has an abort URL, so no
 * stored parts are left behind.
 */
export async function uploadMultipart(
	transport: Transport,
	target: MultipartTarget,
	source: BinarySource,
	concurrency: number,
): Promise<Digest & { etags: PartETag[]; etag?: string; location?: string }> {
	let failure: unknown;
	try {
		const sent = await sendParts(transport, target, source, concurrency);
		const completed = target.completeUrl
			? await complete(transport, target.completeUrl, sent.etags)
			: {};
		return { ...sent, ...completed };
	} catch (error) {
		failure = error;
	}
	if (target.abortUrl) await abort(transport, target.abortUrl);
	throw failure;
}
