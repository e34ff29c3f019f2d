'use strict';

// Browser-based upload (POST Object): a multipart/form-data POST to /<bucket>, authorised by a
// signed policy instead of a signed URL. Reads the form, then checks it in S3's order.

const { s3error } = require('./s3-errors');
const { verifyPostSignature } = require('./sigv4');
const { BodyDigest, expectedIntegrity, algorithmsNeeded, verifyIntegrity } = require('./checksums');
const { FormDataParser, boundaryOf } = require('./form-data');
const { decodePolicy, checkPolicy } = require('./post-policy');
const { STORED_HEADERS, storedMetadata } = require('./object-metadata');
const { readBody, declaredLength } = require('./http-body');
const { PREALLOCATE_LIMIT, refuseLongKey } = require('./limits');
const { checksumResponseHeaders, send } = require('./request');
const xml = require('./s3-xml');

// Form field -> stored header, where the names differ.
const FIELD_HEADERS = { acl: 'x-amz-acl', tagging: 'x-amz-tagging' };

function invalidArgument(message, name, value) {
	return s3error(400, 'InvalidArgument', message, { ArgumentName: name, ArgumentValue: value });
}

/**
 * Reads and validates a POST upload.
 * @param {object} ctx request context (see server.js)
 * @param {number} length the request's Content-Length
 * @param {object} options { bucket, region, lookupCredentials, now, aclsEnabled, bodyTimeoutMs, preallocateLimit }
 * @returns {Promise<{ key, data: Buffer, digest, claims, headers, fields }>}
 */
async function receivePostObject(ctx, length, options) {
	const boundary = boundaryOf(ctx.req.headers['content-type']);
	if (!boundary) {
		throw s3error(
			412,
			'PreconditionFailed',
			'At least one of the pre-conditions you specified did not hold',
			{
				Condition: 'Bucket POST must be of the enclosure-type multipart/form-data',
			},
		);
	}
	const fields = {};
	const lateFields = [];
	let file;
	const parser = new FormDataParser(boundary, {
		onField: (name, value) => {
			const lname = name.toLowerCase();
			if (fields[lname] !== undefined) {
				throw invalidArgument(`POST form field '${name}' appears more than once.`, name, value);
			}
			fields[lname] = value;
			if (file) lateFields.push(lname);
		},
		onFileStart: (info) => {
			if (file)
				throw invalidArgument('POST requires exactly one file upload per request.', 'file', '2');
			// Every field S3 honours precedes the file, so the checksum claims are known here.
			const claims = expectedIntegrity((name) => fields[name]);
			file = {
				...info,
				claims,
				digest: new BodyDigest(algorithmsNeeded(claims)),
				// The file is smaller than the whole form, so a buffer of the form's length holds it.
				buffer: length <= options.preallocateLimit ? Buffer.allocUnsafe(length) : undefined,
				chunks: [],
				size: 0,
			};
		},
		onFileData: (chunk) => {
			file.digest.update(chunk);
			if (file.buffer) chunk.copy(file.buffer, file.size);
			else file.chunks.push(chunk);
			file.size += chunk.length;
		},
		onFileEnd: () => {},
	});
	await readBody(ctx, {
		timeoutMs: options.bodyTimeoutMs,
		onChunk: (chunk) => parser.write(chunk),
	});
	parser.end();

	if (!file)
		throw invalidArgument('POST requires exactly one file upload per request.', 'file', '0');
	// S3 silently ignores fields after the file; the sandbox rejects them, because a client that
	// sends key, policy or Content-Type after the file is broken against S3 in a quieter way.
	if (lateFields.length) {
		const names = lateFields.join(', ');
		throw invalidArgument(
			`The file must be the last field in the form; found after it: ${names}`,
			'file',
			names,
		);
	}
	if (fields.key === undefined) {
		throw invalidArgument(
			"Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.",
			'key',
			'',
		);
	}
	if (fields.policy === undefined) throw s3error(403, 'AccessDenied'); // anonymous POST, private bucket
	verifyPostSignature(fields, {
		region: options.region,
		lookupCredentials: options.lookupCredentials,
	});
	const data = file.buffer ? file.buffer.subarray(0, file.size) : Buffer.concat(file.chunks);
	checkPolicy(decodePolicy(fields.policy), fields, {
		bucket: options.bucket,
		fileSize: data.length,
		now: options.now(),
	});
	const digest = file.digest.finish();
	verifyIntegrity(file.claims, digest);

	const given = {};
	for (const [name, value] of Object.entries(fields)) {
		const header = FIELD_HEADERS[name] || name;
		if (STORED_HEADERS.includes(header) || header.startsWith('x-amz-meta-')) given[header] = value;
	}
	const headers = storedMetadata((name) => given[name], Object.keys(given), options);
	const key = fields.key.replace(/\$\{filename\}/g, file.filename || '');
	return { key, data, digest, claims: file.claims, headers, fields };
}

/** PostObject: stores the form's file and answers as success_action_redirect/_status ask. */
async function postObject(ctx) {
	const length = declaredLength(ctx.req);
	const { config, lookupCredentials, bucket } = ctx.server;
	const { key, data, digest, claims, headers, fields } = await receivePostObject(ctx, length, {
		...config,
		lookupCredentials,
		preallocateLimit: PREALLOCATE_LIMIT,
	});
	refuseLongKey(key);
	const object = bucket.put(key, data, digest, headers['content-type'], headers);

	const location = bucket.objectUrl(key);
	const answer = { ETag: object.etag, Location: location, ...checksumResponseHeaders(claims) };
	const target = URL.parse(fields.success_action_redirect ?? '');
	if (target) {
		target.searchParams.set('bucket', bucket.name);
		target.searchParams.set('key', key);
		target.searchParams.set('etag', object.etag);
		await send(ctx, 303, { ...answer, Location: target.toString() });
		return;
	}
	const status = { 200: 200, 201: 201 }[fields.success_action_status] || 204;
	if (status === 201) {
		const body = xml.postResponse({ location, bucket: bucket.name, key, etag: object.etag });
		await send(ctx, 201, { ...answer, 'Content-Type': 'application/xml' }, body);
	} else {
		await send(ctx, status, answer);
	}
}

module.exports = { receivePostObject, postObject };
