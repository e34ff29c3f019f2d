'use strict';

// DeleteObject: 204 whether or not the key existed, as S3 answers.

const { authenticate, drainBody, send } = require('./request');

async function deleteObject(ctx, key) {
	authenticate(ctx);
	ctx.server.bucket.objects.delete(key);
	await drainBody(ctx);
	await send(ctx, 204);
}

module.exports = { deleteObject };
