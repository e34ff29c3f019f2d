'use strict';
// "Some app that hands out presigned URLs": a tiny JSON API on loopback that the generic
// Presigned Upload node's example workflows call with n8n's HTTP Request node.
//
//   POST /presign  {key, method: 'PUT'|'POST'|'MULTIPART', contentType, size, partSize, expiresIn}
//                  -> {key, target}   (target is exactly what the storage presigner returns)
//   GET  /files/<name>   deterministic fixture files (photo.jpg, big.bin, ...)
//   GET  /health
//
// When started with a token, /presign wants "Authorization: Bearer <token>".
const crypto = require('node:crypto');
const { patternBuffer } = require('./bytes');
const { createJsonApi, ApiError, reply } = require('./json-api');

const PHOTO_JPEG_BASE64 =
	'/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAYACADASIAAhEBAxEB/8QAGAABAQEBAQAAAAAAAAAAAAAAAwABAgT/xAAVEAEBAAAAAAAAAAAAAAAAAAACAP/EABYBAQEBAAAAAAAAAAAAAAAAAAUEBv/EABgRAAIDAAAAAAAAAAAAAAAAAAADAQIE/9oADAMBAAIRAxEAPwDWoGrpqFqPzIHXMOWoWrWoWrQ5kBTmHuahaqqPNSCh1pAahaqrQ5qQFOtJ/9k=';

const FIXTURES = {
	'photo.jpg': { contentType: 'image/jpeg', make: () => Buffer.from(PHOTO_JPEG_BASE64, 'base64') },
	'notes.txt': {
		contentType: 'text/plain; charset=utf-8',
		make: () => Buffer.from('Presigned upload sandbox.\nThese bytes went through n8n unchanged.\n'),
	},
	'medium.bin': {
		contentType: 'application/octet-stream',
		make: () => patternBuffer(3 * 1024 * 1024 + 17, 7),
	},
	'big.bin': {
		contentType: 'application/octet-stream',
		make: () => patternBuffer(20 * 1024 * 1024, 42),
	},
};
const cache = new Map();

/** The bytes, content type and sha256 of a fixture file, or undefined. */
function fixture(name) {
	const def = FIXTURES[name];
	if (!def) return undefined;
	if (!cache.has(name)) {
		const body = def.make();
		const sha256 = crypto.createHash('sha256').update(body).digest('hex');
		cache.set(name, { name, body, size: body.length, sha256, contentType: def.contentType });
	}
	return cache.get(name);
}

async function presign(storage, body) {
	const { key, contentType, size, partSize, expiresIn } = body;
	const method = String(body.method || 'PUT').toUpperCase();
	if (typeof key !== 'string' || !key) throw new ApiError(400, 'key is required');
	if (method === 'PUT') return storage.presignPut(key, { contentType, expiresIn });
	if (method === 'POST') {
		return storage.presignPost(key, { contentType, maxBytes: body.maxBytes, expiresIn });
	}
	if (method === 'MULTIPART') {
		if (!(Number(size) > 0)) throw new ApiError(400, 'size is required for MULTIPART');
		return storage.createMultipartUpload(key, {
			size: Number(size),
			partSize: partSize ? Number(partSize) : undefined,
			contentType,
			expiresIn,
		});
	}
	throw new ApiError(400, 'method must be PUT, POST or MULTIPART');
}

/**
 * Start the presign API.
 * @param {{port?: number, host?: string, storage: object, token?: string}} options
 * @returns {Promise<{url: string, port: number, token?: string, calls: object[], close(): Promise<void>}>}
 */
async function startPresignApi({ port = 0, host = '127.0.0.1', storage, token } = {}) {
	if (!storage) throw new Error('startPresignApi needs the storage sandbox');
	const api = createJsonApi({
		auth: token
			? { header: 'authorization', expected: `Bearer ${token}`, scope: '/presign' }
			: undefined,
		envelope: (status, message, details) => ({
			error: details === undefined ? message : `${message}: ${details}`,
		}),
		errors: {
			unauthorized: { message: 'missing or wrong bearer token' },
			notFound: { message: 'not found' },
			invalidJson: { message: 'body is not JSON' },
		},
	});
	api.route('GET', '/health', () => ({ ok: true }));
	const serveFile = ({ params }) => {
		const file = fixture(decodeURIComponent(params.name));
		if (!file) throw new ApiError(404, 'no such file');
		return reply(200, file.body, {
			'Content-Type': file.contentType,
			'Content-Disposition': `attachment; filename="${file.name}"`,
		});
	};
	api.route('GET', '/files/:name', serveFile);
	api.route('HEAD', '/files/:name', serveFile);
	api.route('POST', '/presign', async ({ json }) => {
		const body = json();
		return { key: body.key, target: await presign(storage, body) };
	});
	return { ...(await api.listen({ port, host })), token, calls: api.calls };
}

module.exports = { startPresignApi, fixture, fixtureNames: () => Object.keys(FIXTURES) };
