'use strict';

// What S3 keeps with an object besides its bytes, and the checks it makes on it.

const { s3error } = require('./s3-errors');

const MAX_USER_METADATA_BYTES = 2048;

const CANNED_ACLS = new Set([
	'private',
	'public-read',
	'public-read-write',
	'authenticated-read',
	'aws-exec-read',
	'bucket-owner-read',
	'bucket-owner-full-control',
	'log-delivery-write',
]);

// Headers S3 stores with an object and returns on GET (x-amz-meta-* come on top).
const STORED_HEADERS = [
	'content-type',
	'cache-control',
	'content-disposition',
	'content-encoding',
	'content-language',
	'expires',
	'x-amz-acl',
	'x-amz-storage-class',
	'x-amz-tagging',
	'x-amz-website-redirect-location',
	'x-amz-server-side-encryption',
];

/** Lower-case lookup over headers, then over x-amz-* query parameters (presigned URLs hoist those). */
function lookupFrom(headers, queryPairs) {
	return (name) => {
		const fromHeader = headers.get(name);
		if (fromHeader) return fromHeader.join(',');
		if (!name.startsWith('x-amz-')) return undefined;
		const hit = queryPairs.find(([n]) => n.toLowerCase() === name);
		return hit ? hit[1] : undefined;
	};
}

/** Names worth looking up for a request: the stored headers plus every x-amz-meta-* it carries. */
function metadataNames(headers, queryPairs = []) {
	const names = new Set(STORED_HEADERS);
	for (const name of headers.keys()) if (name.startsWith('x-amz-meta-')) names.add(name);
	for (const [name] of queryPairs) {
		if (name.toLowerCase().startsWith('x-amz-meta-')) names.add(name.toLowerCase());
	}
	return names;
}

/** The metadata S3 keeps with an object; checks the ACL and the user-metadata size like S3. */
function storedMetadata(get, names, { aclsEnabled = true } = {}) {
	const stored = {};
	for (const name of names) {
		const value = get(name);
		if (value !== undefined) stored[name] = value;
	}
	const acl = stored['x-amz-acl'];
	if (acl !== undefined) {
		if (!aclsEnabled) {
			throw s3error(400, 'AccessControlListNotSupported', 'The bucket does not allow ACLs');
		}
		if (!CANNED_ACLS.has(acl)) {
			throw s3error(400, 'InvalidArgument', 'Invalid canned ACL', {
				ArgumentName: 'x-amz-acl',
				ArgumentValue: acl,
			});
		}
	}
	const metaBytes = Object.entries(stored)
		.filter(([n]) => n.startsWith('x-amz-meta-'))
		.reduce((sum, [n, v]) => sum + Buffer.byteLength(n.slice(11)) + Buffer.byteLength(v), 0);
	if (metaBytes > MAX_USER_METADATA_BYTES) {
		throw s3error(
			400,
			'MetadataTooLarge',
			'Your metadata headers exceed the maximum allowed metadata size.',
			{
				Size: metaBytes,
				MaxSizeAllowed: MAX_USER_METADATA_BYTES,
			},
		);
	}
	return stored;
}

module.exports = { STORED_HEADERS, CANNED_ACLS, lookupFrom, metadataNames, storedMetadata };
