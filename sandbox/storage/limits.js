'use strict';

// S3's size and count limits, as the sandbox enforces them.

const { s3error } = require('./s3-errors');

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

const LIMITS = {
	MAX_OBJECT_PUT: 5 * GiB,
	MAX_PART_SIZE: 5 * GiB,
	MIN_PART_SIZE: 5 * MiB,
	MAX_PARTS: 10000,
	MAX_KEY_BYTES: 1024,
	MAX_COMPLETE_BODY: 4 * MiB,
	// A body up to this size gets its buffer reserved before the bytes arrive.
	PREALLOCATE_LIMIT: 512 * MiB,
};

/** EntityTooLarge before any byte is read, closing the connection as S3 does. */
function refuseOver(length, max) {
	if (length > max) {
		throw s3error(
			400,
			'EntityTooLarge',
			undefined,
			{ ProposedSize: length, MaxSizeAllowed: max },
			{ close: true },
		);
	}
}

function refuseLongKey(key) {
	if (Buffer.byteLength(key) > LIMITS.MAX_KEY_BYTES)
		throw s3error(400, 'KeyTooLongError', 'Your key is too long');
}

module.exports = { ...LIMITS, refuseOver, refuseLongKey };
