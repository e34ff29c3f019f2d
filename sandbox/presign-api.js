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
const http = require('node:http');
const crypto = require('node:crypto');
const { patternBuffer } = require('./bytes');
const { listen } = require('./listen');

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

function sendJson(res, status, value) {
	const body = Buffer.from(JSON.stringify(value));
	res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': body.length });
	res.end(body);
}

function readJson(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('error', reject);
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			if (!text) return resolve({});
			try {
				resolve(JSON.parse(text));
			} catch {
				reject(Object.assign(new Error('body is not JSON'), { status: 400 }));
			}
		});
	});
}

async function presign(storage, body) {
	const { key, contentType, size, partSize, expiresIn } = body;
	const method = String(body.method || 'PUT').toUpperCase();
	if (typeof key !== 'string' || !key)
		throw Object.assign(new Error('key is required'), { status: 400 });
	if (method === 'PUT') return storage.presignPut(key, { contentType, expiresIn });
	if (method === 'POST') {
		return storage.presignPost(key, { contentType, maxBytes: body.maxBytes, expiresIn });
	}
	if (method === 'MULTIPART') {
		if (!(Number(size) > 0))
			throw Object.assign(new Error('size is required for MULTIPART'), { status: 400 });
		return storage.createMultipartUpload(key, {
			size: Number(size),
			partSize: partSize ? Number(partSize) : undefined,
			contentType,
			expiresIn,
		});
	}
	throw Object.assign(new Error('method must be PUT, POST or MULTIPART'), { status: 400 });
}

/**
 * Start the presign API.
 * @param {{port?: number, host?: string, storage: object, token?: string}} options
 * @returns {Promise<{url: string, port: number, token?: string, calls: object[], close(): Promise<void>}>}
 */
async function startPresignApi({ port = 0, host = '127.0.0.1', storage, token } = {}) {
	if (!storage) throw new Error('startPresignApi needs the storage sandbox');
	const calls = [];
	const server = http.createServer(async (req, res) => {
		const url = new URL(req.url, 'http://x');
		try {
			if (req.method === 'GET' && url.pathname === '/health')
				return sendJson(res, 200, { ok: true });
			if ((req.method === 'GET' || req.method === 'HEAD') && url.pathname.startsWith('/files/')) {
				const file = fixture(decodeURIComponent(url.pathname.slice('/files/'.length)));
				if (!file) return sendJson(res, 404, { error: 'no such file' });
				calls.push({ method: req.method, path: url.pathname });
				res.writeHead(200, {
					'Content-Type': file.contentType,
					'Content-Length': file.size,
					'Content-Disposition': `attachment; filename="${file.name}"`,
				});
				return res.end(req.method === 'HEAD' ? undefined : file.body);
			}
			if (req.method === 'POST' && url.pathname === '/presign') {
				if (token && req.headers.authorization !== `Bearer ${token}`) {
					return sendJson(res, 401, { error: 'missing or wrong bearer token' });
				}
				const body = await readJson(req);
				const target = await presign(storage, body);
				calls.push({ method: 'POST', path: '/presign', body });
				return sendJson(res, 200, { key: body.key, target });
			}
			sendJson(res, 404, { error: 'not found' });
		} catch (err) {
			sendJson(res, err.status || 500, { error: err.message });
		}
	});
	return { ...(await listen(server, { port, host })), token, calls };
}

module.exports = { startPresignApi, fixture, fixtureNames: () => Object.keys(FIXTURES) };
