'use strict';

// ListObjects(V2) by prefix, and HeadBucket: the reads on the bucket itself.

const xml = require('./s3-xml');
const { authenticate, drainBody, send } = require('./request');

async function listObjects(ctx) {
	authenticate(ctx, { read: true });
	await drainBody(ctx);
	const { bucket } = ctx.server;
	const prefix = ctx.query.get('prefix') || '';
	const listed = [...bucket.objects.entries()]
		.filter(([key]) => key.startsWith(prefix))
		.sort(([a], [b]) => (a < b ? -1 : 1));
	await send(
		ctx,
		200,
		{ 'Content-Type': 'application/xml' },
		xml.listResult({ bucket: bucket.name, prefix, objects: listed }),
	);
}

async function headBucket(ctx) {
	authenticate(ctx, { read: true });
	await send(ctx, 200);
}

module.exports = { listObjects, headBucket };
