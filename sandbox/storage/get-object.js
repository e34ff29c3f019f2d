'use strict';

// GetObject and HeadObject: the stored bytes with the metadata they were stored with.

const { s3error } = require('./s3-errors');
const { authenticate, drainBody, send } = require('./request');

async function getObject(ctx, key) {
	authenticate(ctx, { read: true });
	await drainBody(ctx);
	const object = ctx.server.bucket.objects.get(key);
	if (!object) throw s3error(404, 'NoSuchKey', undefined, { Key: key });
	await send(
		ctx,
		200,
		{
			...object.headers,
			'Content-Type': object.contentType,
			'Content-Length': object.size,
			ETag: object.etag,
			'Last-Modified': object.lastModified.toUTCString(),
			'Accept-Ranges': 'bytes',
		},
		object.body,
	);
}

module.exports = { getObject };
