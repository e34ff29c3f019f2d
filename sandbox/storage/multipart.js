'use strict';

// Multipart upload: create, upload parts, complete (where S3 checks part sizes and ETags) and
// abort.

const crypto = require('node:crypto');

const { s3error } = require('./s3-errors');
const { expectedIntegrity, once } = require('./checksums');
const { lookupFrom, metadataNames, storedMetadata } = require('./object-metadata');
const { declaredLength } = require('./http-body');
const xml = require('./s3-xml');
const {
	MAX_PART_SIZE,
	MIN_PART_SIZE,
	MAX_PARTS,
	MAX_COMPLETE_BODY,
	refuseOver,
} = require('./limits');
const {
	authenticate,
	claimsSha256,
	drainBody,
	receive,
	checkPayloadHash,
	checksumResponseHeaders,
	send,
} = require('./request');

function multipartEtag(parts) {
	const md5 = crypto.createHash('md5');
	for (const part of parts) md5.update(part.md5);
	return `"${md5.digest('hex')}-${parts.length}"`;
}

const findUpload = (ctx, key) => ctx.server.bucket.findUpload(ctx.query.get('uploadId'), key);

async function createMultipartUpload(ctx, key) {
	declaredLength(ctx.req);
	authenticate(ctx);
	const get = lookupFrom(ctx.headers, ctx.queryPairs);
	const { config, bucket } = ctx.server;
	const headers = storedMetadata(get, metadataNames(ctx.headers, ctx.queryPairs), config);
	await drainBody(ctx);
	const uploadId = bucket.createUpload(key, headers['content-type'], headers);
	await send(
		ctx,
		200,
		{ 'Content-Type': 'application/xml' },
		xml.initiateResult({ bucket: bucket.name, key, uploadId }),
	);
}

function partNumberOf(ctx) {
	const raw = ctx.query.get('partNumber');
	const partNumber = Number(raw);
	if (!/^\d+$/.test(raw) || partNumber < 1 || partNumber > MAX_PARTS) {
		throw s3error(
			400,
			'InvalidArgument',
			'Part number must be an integer between 1 and 10000, inclusive',
			{
				ArgumentName: 'partNumber',
				ArgumentValue: raw,
			},
		);
	}
	return partNumber;
}

async function uploadPart(ctx, key) {
	const length = declaredLength(ctx.req);
	const partNumber = partNumberOf(ctx);
	refuseOver(length, MAX_PART_SIZE);
	const auth = authenticate(ctx);
	const upload = findUpload(ctx, key);
	const claims = expectedIntegrity(lookupFrom(ctx.headers, ctx.queryPairs));
	// A part's SHA-256 is needed only to check a claim; otherwise it is made if a completion lists one.
	const { digest, body } = await receive(ctx, length, claims, {
		sha256: claimsSha256(auth, claims),
	});
	checkPayloadHash(auth, digest);
	const checksums = { ...digest.checksums };
	if (checksums.sha256 === undefined) {
		const sha256 = once(() => crypto.createHash('sha256').update(body).digest('base64'));
		Object.defineProperty(checksums, 'sha256', { get: sha256, enumerable: true });
	}
	if (!ctx.server.bucket.uploads.has(upload.uploadId)) {
		throw s3error(404, 'NoSuchUpload', undefined, { UploadId: upload.uploadId }); // aborted meanwhile
	}
	upload.parts.set(partNumber, {
		partNumber,
		size: digest.size,
		etag: digest.md5Hex,
		md5: digest.md5,
		body,
		checksums,
		lastModified: new Date(),
	});
	await send(ctx, 200, { ETag: `"${digest.md5Hex}"`, ...checksumResponseHeaders(claims) });
}

/** The uploaded parts the completion lists, checked in S3's order. */
function chosenParts(upload, listed) {
	listed.forEach((entry, i) => {
		if (i > 0 && entry.partNumber <= listed[i - 1].partNumber) {
			throw s3error(400, 'InvalidPartOrder', undefined, { UploadId: upload.uploadId });
		}
	});
	const chosen = [];
	for (const entry of listed) {
		const part = upload.parts.get(entry.partNumber);
		if (!part || part.etag !== entry.etag) {
			throw s3error(400, 'InvalidPart', undefined, {
				UploadId: upload.uploadId,
				PartNumber: entry.partNumber,
				ETag: `"${entry.etag}"`,
			});
		}
		for (const [algorithm, value] of Object.entries(entry.checksums)) {
			if (part.checksums[algorithm] !== undefined && part.checksums[algorithm] !== value) {
				throw s3error(400, 'InvalidPart', undefined, {
					UploadId: upload.uploadId,
					PartNumber: entry.partNumber,
				});
			}
		}
		chosen.push(part);
	}
	chosen.slice(0, -1).forEach((part) => {
		if (part.size < MIN_PART_SIZE) {
			throw s3error(400, 'EntityTooSmall', undefined, {
				ProposedSize: part.size,
				MinSizeAllowed: MIN_PART_SIZE,
				PartNumber: part.partNumber,
				ETag: `"${part.etag}"`,
			});
		}
	});
	return chosen;
}

async function completeMultipartUpload(ctx, key) {
	const length = declaredLength(ctx.req);
	if (length > MAX_COMPLETE_BODY)
		throw s3error(400, 'MalformedXML', undefined, {}, { close: true });
	authenticate(ctx);
	const upload = findUpload(ctx, key);
	// x-amz-checksum-* on this request describe the whole object, not the XML body.
	const md5Only = (name) => (name === 'content-md5' ? ctx.headers.get(name)?.join(',') : undefined);
	const { body } = await receive(ctx, length, expectedIntegrity(md5Only));
	const chosen = chosenParts(upload, xml.parseCompleteMultipartUpload(body.toString('utf8')));
	const etag = multipartEtag(chosen);
	const { bucket } = ctx.server;
	bucket.uploads.delete(upload.uploadId);
	bucket.putParts(key, chosen, etag, upload.contentType, upload.headers);
	const result = xml.completeResult({
		location: bucket.objectUrl(key),
		bucket: bucket.name,
		key,
		etag,
	});
	await send(ctx, 200, { 'Content-Type': 'application/xml' }, result);
}

async function abortMultipartUpload(ctx, key) {
	authenticate(ctx);
	const upload = findUpload(ctx, key);
	ctx.server.bucket.uploads.delete(upload.uploadId);
	await drainBody(ctx);
	await send(ctx, 204);
}

/** The part size for `size` bytes when none is given: 5 MiB, or more to stay within 10,000 parts. */
function partSizeFor(size) {
	return Math.max(MIN_PART_SIZE, Math.ceil(size / MAX_PARTS));
}

module.exports = {
	createMultipartUpload,
	uploadPart,
	completeMultipartUpload,
	abortMultipartUpload,
	partSizeFor,
};
