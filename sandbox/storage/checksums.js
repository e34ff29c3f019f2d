'use strict';

// Body digests computed while the body streams in, and the integrity checks S3 makes with them:
// Content-MD5 and the x-amz-checksum-* family (header, signed query parameter or POST field).

const crypto = require('node:crypto');
const zlib = require('node:zlib');
const { s3error } = require('./s3-errors');

const CRC32C_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

function crc32cUpdate(crc, buf) {
	let c = ~crc >>> 0;
	for (let i = 0; i < buf.length; i++) c = CRC32C_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
	return ~c >>> 0;
}

function uint32Base64(value) {
	const b = Buffer.alloc(4);
	b.writeUInt32BE(value >>> 0);
	return b.toString('base64');
}

/** algorithm -> { bytes: digest length, label: S3's name in messages } */
const ALGORITHMS = {
	crc32: { bytes: 4, label: 'CRC32' },
	crc32c: { bytes: 4, label: 'CRC32C' },
	sha1: { bytes: 20, label: 'SHA1' },
	sha256: { bytes: 32, label: 'SHA256' },
	crc64nvme: { bytes: 8, label: 'CRC64NVME' },
};

class BodyDigest {
	/**
	 * @param {Iterable<string>} [extra] checksum algorithms to compute besides md5 and sha256
	 * @param {{ sha256?: boolean }} [options] sha256: false leaves SHA-256 to whoever needs it later
	 */
	constructor(extra = [], { sha256 = true } = {}) {
		this.size = 0;
		this.md5 = crypto.createHash('md5');
		this.extra = new Set(extra);
		this.sha256 = sha256 || this.extra.has('sha256') ? crypto.createHash('sha256') : undefined;
		this.sha1 = this.extra.has('sha1') ? crypto.createHash('sha1') : undefined;
		this.crc32 = 0;
		this.crc32c = 0;
	}

	update(chunk) {
		this.size += chunk.length;
		this.md5.update(chunk);
		if (this.sha256) this.sha256.update(chunk);
		if (this.sha1) this.sha1.update(chunk);
		if (this.extra.has('crc32')) this.crc32 = zlib.crc32(chunk, this.crc32);
		if (this.extra.has('crc32c')) this.crc32c = crc32cUpdate(this.crc32c, chunk);
	}

	finish() {
		const md5 = this.md5.digest();
		const sha256 = this.sha256?.digest();
		const checksums = sha256 ? { sha256: sha256.toString('base64') } : {};
		if (this.sha1) checksums.sha1 = this.sha1.digest('base64');
		if (this.extra.has('crc32')) checksums.crc32 = uint32Base64(this.crc32);
		if (this.extra.has('crc32c')) checksums.crc32c = uint32Base64(this.crc32c);
		return {
			size: this.size,
			md5Hex: md5.toString('hex'),
			md5Base64: md5.toString('base64'),
			md5: md5,
			sha256Hex: sha256?.toString('hex'),
			checksums,
		};
	}
}

/** `compute()` on the first call, its value on every later one. */
function once(compute) {
	let value;
	return () => (value ??= compute());
}

function isBase64Of(value, bytes) {
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) return false;
	return Buffer.from(value, 'base64').length === bytes;
}

/**
 * Collects the integrity claims of a request.
 * @param {(name: string) => string|undefined} get case-insensitive lookup over headers, signed
 *   query parameters or POST fields
 * @returns {{ contentMd5?: string, checksum?: { algorithm: string, value: string } }}
 */
function expectedIntegrity(get) {
	const claims = {};
	const md5 = get('content-md5');
	if (md5 !== undefined) {
		if (!isBase64Of(md5.trim(), 16))
			throw s3error(400, 'InvalidDigest', 'The Content-MD5 you specified was invalid.', {
				'Content-MD5': md5,
			});
		claims.contentMd5 = md5.trim();
	}
	const present = Object.keys(ALGORITHMS).filter((a) => get(`x-amz-checksum-${a}`) !== undefined);
	if (present.length > 1) {
		throw s3error(
			400,
			'InvalidRequest',
			'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.',
		);
	}
	const declared = get('x-amz-sdk-checksum-algorithm');
	if (declared !== undefined) {
		const algorithm = declared.toLowerCase();
		if (!ALGORITHMS[algorithm] || (present.length && present[0] !== algorithm)) {
			throw s3error(
				400,
				'InvalidRequest',
				'Value for x-amz-sdk-checksum-algorithm header is invalid.',
			);
		}
	}
	if (present.length) {
		const algorithm = present[0];
		const value = get(`x-amz-checksum-${algorithm}`).trim();
		if (!isBase64Of(value, ALGORITHMS[algorithm].bytes)) {
			throw s3error(
				400,
				'InvalidRequest',
				`Value for x-amz-checksum-${algorithm} header is invalid.`,
			);
		}
		if (algorithm === 'crc64nvme') {
			throw s3error(
				501,
				'NotImplemented',
				'A header you provided implies functionality that is not implemented',
				{
					Header: 'x-amz-checksum-crc64nvme',
				},
			);
		}
		claims.checksum = { algorithm, value };
	}
	return claims;
}

function algorithmsNeeded(claims) {
	return claims.checksum ? [claims.checksum.algorithm] : [];
}

/** Throws BadDigest when a claim does not hold for the body digest. */
function verifyIntegrity(claims, digest) {
	if (claims.contentMd5 !== undefined && claims.contentMd5 !== digest.md5Base64) {
		throw s3error(
			400,
			'BadDigest',
			'The Content-MD5 you specified did not match what we received.',
			{
				ExpectedDigest: claims.contentMd5,
				CalculatedDigest: digest.md5Base64,
			},
		);
	}
	if (claims.checksum) {
		const { algorithm, value } = claims.checksum;
		if (digest.checksums[algorithm] !== value) {
			throw s3error(
				400,
				'BadDigest',
				`The ${ALGORITHMS[algorithm].label} you specified did not match the calculated checksum.`,
			);
		}
	}
}

module.exports = {
	BodyDigest,
	once,
	expectedIntegrity,
	algorithmsNeeded,
	verifyIntegrity,
	crc32cUpdate,
	ALGORITHMS,
};
