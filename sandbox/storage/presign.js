'use strict';

// Presigned targets made with the AWS SDK's own presigners, so the sandbox verifies what real
// SDK-signed URLs look like rather than URLs shaped by its own code.

const {
	S3Client,
	PutObjectCommand,
	GetObjectCommand,
	UploadPartCommand,
	CompleteMultipartUploadCommand,
	AbortMultipartUploadCommand,
} = require('@aws-sdk/client-s3');
const { getSignedUrl } = require('@aws-sdk/s3-request-presigner');
const { createPresignedPost } = require('@aws-sdk/s3-presigned-post');

// Signed header -> PutObject input member.
const PUT_HEADER_PARAMS = {
	'x-amz-acl': 'ACL',
	'cache-control': 'CacheControl',
	'content-disposition': 'ContentDisposition',
	'content-encoding': 'ContentEncoding',
	'content-language': 'ContentLanguage',
	'content-length': 'ContentLength',
	'content-md5': 'ContentMD5',
	'x-amz-storage-class': 'StorageClass',
	'x-amz-tagging': 'Tagging',
	'x-amz-checksum-crc32': 'ChecksumCRC32',
	'x-amz-checksum-crc32c': 'ChecksumCRC32C',
	'x-amz-checksum-sha1': 'ChecksumSHA1',
	'x-amz-checksum-sha256': 'ChecksumSHA256',
};

/** X-Amz-Date has whole seconds; expiry is counted from there. */
function wholeSeconds(date) {
	return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

function expiresAt(signedAt, expiresIn) {
	return new Date(signedAt.getTime() + expiresIn * 1000).toISOString();
}

function createPresigner({ url, bucket, region, accessKeyId, secretAccessKey, sessionToken }) {
	const clientFor = (clockOffsetMs = 0) =>
		new S3Client({
			region,
			endpoint: url,
			forcePathStyle: true,
			credentials: { accessKeyId, secretAccessKey, sessionToken },
			requestChecksumCalculation: 'WHEN_REQUIRED',
			responseChecksumValidation: 'WHEN_REQUIRED',
			systemClockOffset: clockOffsetMs,
		});
	const client = clientFor();

	const sign = (command, { expiresIn, signingDate, ...rest }) =>
		getSignedUrl(client, command, { expiresIn, signingDate, ...rest });

	async function presignPut(
		key,
		{ contentType, signedHeaders = {}, expiresIn = 900, signingDate } = {},
	) {
		const signedAt = wholeSeconds(signingDate || new Date());
		const input = { Bucket: bucket, Key: key };
		const passThrough = {};
		if (contentType !== undefined) input.ContentType = contentType;
		for (const [name, value] of Object.entries(signedHeaders)) {
			const lname = name.toLowerCase();
			if (lname.startsWith('x-amz-meta-')) {
				input.Metadata = { ...input.Metadata, [lname.slice('x-amz-meta-'.length)]: String(value) };
			} else if (PUT_HEADER_PARAMS[lname]) {
				input[PUT_HEADER_PARAMS[lname]] =
					lname === 'content-length' ? Number(value) : String(value);
			} else {
				passThrough[lname] = String(value);
			}
		}
		const command = new PutObjectCommand(input);
		if (Object.keys(passThrough).length) {
			command.middlewareStack.add(
				(next) => (args) => {
					Object.assign(args.request.headers, passThrough);
					return next(args);
				},
				{ step: 'build', name: 'sandboxExtraSignedHeaders' },
			);
		}
		const names = Object.keys(signedHeaders).map((n) => n.toLowerCase());
		if (contentType !== undefined) names.push('content-type');
		const url = await sign(command, {
			expiresIn,
			signingDate: signedAt,
			signableHeaders: new Set(names),
			// x-amz-* headers would otherwise be moved into the query string and not be headers at all.
			unhoistableHeaders: new Set(names.filter((n) => n.startsWith('x-amz-'))),
		});
		const headers = {};
		if (contentType !== undefined) headers['content-type'] = contentType;
		Object.assign(headers, signedHeaders);
		return { method: 'PUT', url, headers, expiresAt: expiresAt(signedAt, expiresIn) };
	}

	async function presignGet(key, { expiresIn = 900, signingDate } = {}) {
		const signedAt = wholeSeconds(signingDate || new Date());
		const url = await sign(new GetObjectCommand({ Bucket: bucket, Key: key }), {
			expiresIn,
			signingDate: signedAt,
		});
		return { method: 'GET', url, expiresAt: expiresAt(signedAt, expiresIn) };
	}

	async function presignPost(
		key,
		{
			contentType,
			contentTypePrefix,
			maxBytes,
			minBytes,
			fields = {},
			expiresIn = 900,
			signingDate,
		} = {},
	) {
		const now = Date.now();
		const signedAt = wholeSeconds(signingDate || new Date(now));
		// createPresignedPost reads the clock itself; shift it to honour signingDate.
		const poster = signingDate ? clientFor(signedAt.getTime() - now) : client;
		const conditions = [];
		const formFields = { ...fields };
		if (maxBytes !== undefined) conditions.push(['content-length-range', minBytes ?? 0, maxBytes]);
		else if (minBytes !== undefined)
			conditions.push(['content-length-range', minBytes, Number.MAX_SAFE_INTEGER]);
		if (contentType !== undefined) formFields['Content-Type'] = contentType;
		else if (contentTypePrefix !== undefined)
			conditions.push(['starts-with', '$Content-Type', contentTypePrefix]);
		const post = await createPresignedPost(poster, {
			Bucket: bucket,
			Key: key,
			Conditions: conditions,
			Fields: formFields,
			Expires: expiresIn,
		});
		return {
			method: 'POST',
			url: post.url,
			fields: post.fields,
			expiresAt: expiresAt(signedAt, expiresIn),
		};
	}

	async function presignMultipart(key, uploadId, partCount, { expiresIn = 900, signingDate } = {}) {
		const signedAt = wholeSeconds(signingDate || new Date());
		const options = { expiresIn, signingDate: signedAt };
		const base = { Bucket: bucket, Key: key, UploadId: uploadId };
		const parts = await Promise.all(
			Array.from({ length: partCount }, async (_, i) => ({
				partNumber: i + 1,
				url: await sign(new UploadPartCommand({ ...base, PartNumber: i + 1 }), options),
			})),
		);
		const completeUrl = await sign(new CompleteMultipartUploadCommand(base), options);
		const abortUrl = await sign(new AbortMultipartUploadCommand(base), options);
		return { parts, completeUrl, abortUrl, expiresAt: expiresAt(signedAt, expiresIn) };
	}

	return { client, presignPut, presignGet, presignPost, presignMultipart };
}

module.exports = { createPresigner };
