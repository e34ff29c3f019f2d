'use strict';

// PutObject: the whole object in one PUT of at most 5 GiB.

const { expectedIntegrity } = require('./checksums');
const { lookupFrom, metadataNames, storedMetadata } = require('./object-metadata');
const { declaredLength } = require('./http-body');
const { MAX_OBJECT_PUT, refuseOver } = require('./limits');
const {
	authenticate,
	receive,
	checkPayloadHash,
	checksumResponseHeaders,
	send,
} = require('./request');

async function putObject(ctx, key) {
	const length = declaredLength(ctx.req);
	refuseOver(length, MAX_OBJECT_PUT);
	const auth = authenticate(ctx);
	const get = lookupFrom(ctx.headers, ctx.queryPairs);
	const { config, bucket } = ctx.server;
	const headers = storedMetadata(get, metadataNames(ctx.headers, ctx.queryPairs), config);
	const claims = expectedIntegrity(get);
	const { digest, body } = await receive(ctx, length, claims);
	checkPayloadHash(auth, digest);
	const object = bucket.put(key, body, digest, headers['content-type'], headers);
	await send(ctx, 200, { ETag: object.etag, ...checksumResponseHeaders(claims) });
}

module.exports = { putObject };
