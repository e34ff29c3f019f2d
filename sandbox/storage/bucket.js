'use strict';

// The bucket's contents: stored objects and the multipart uploads still open.

const crypto = require('node:crypto');
const { EventEmitter } = require('node:events');

const { BodyDigest, once } = require('./checksums');
const { s3error } = require('./s3-errors');
const { uriEncode } = require('./sigv4');

function createBucket(name) {
	const objects = new Map();
	const uploads = new Map();
	const events = new EventEmitter();

	const bucket = {
		name,
		objects,
		uploads,
		events,
		/** The server's origin, known once it listens. */
		url: undefined,
		objectUrl: (key) => `${bucket.url}/${name}/${uriEncode(key, false)}`,

		put(key, body, digest, contentType, headers) {
			const object = {
				key,
				body,
				size: digest.size,
				sha256: digest.sha256Hex,
				md5: digest.md5Hex,
				etag: digest.etag || `"${digest.md5Hex}"`,
				contentType: contentType || 'binary/octet-stream',
				headers,
				lastModified: new Date(),
			};
			objects.set(key, object);
			events.emit('object', key);
			return object;
		},

		/**
		 * A completed multipart upload. Like S3, completing checks the parts' sizes and ETags but
		 * does not read their bytes again: the object's body and whole-object digests are made
		 * from the parts the first time something asks for them.
		 */
		putParts(key, parts, etag, contentType, headers) {
			const whole = once(() => {
				const body = Buffer.concat(parts.map((part) => part.body));
				const digest = new BodyDigest();
				digest.update(body);
				return { body, ...digest.finish() };
			});
			const object = {
				key,
				size: parts.reduce((sum, part) => sum + part.size, 0),
				etag,
				contentType: contentType || 'binary/octet-stream',
				headers,
				lastModified: new Date(),
				get body() {
					return whole().body;
				},
				get sha256() {
					return whole().sha256Hex;
				},
				get md5() {
					return whole().md5Hex;
				},
			};
			objects.set(key, object);
			events.emit('object', key);
			return object;
		},

		createUpload(key, contentType, headers) {
			const uploadId = crypto.randomBytes(32).toString('base64url');
			uploads.set(uploadId, {
				uploadId,
				key,
				contentType,
				headers,
				parts: new Map(),
				initiated: new Date(),
			});
			return uploadId;
		},

		findUpload(uploadId, key) {
			const upload = uploads.get(uploadId);
			if (!upload || upload.key !== key)
				throw s3error(404, 'NoSuchUpload', undefined, { UploadId: uploadId });
			return upload;
		},

		clear() {
			objects.clear();
			uploads.clear();
		},
	};
	return bucket;
}

module.exports = { createBucket };
