'use strict';

// The few S3 XML documents the sandbox reads and writes.

const { s3error, elements, xmlUnescape } = require('./s3-errors');

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

function doc(root, body) {
	return `${DECL}<${root} xmlns="${NS}">${body}</${root}>`;
}

const malformedXml = () => s3error(400, 'MalformedXML');

function child(xml, name) {
	const all = [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g'))];
	return all.length === 1 ? xmlUnescape(all[0][1].trim()) : undefined;
}

/**
 * <CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"…"</ETag></Part>…</CompleteMultipartUpload>
 * -> [{ partNumber, etag (without quotes), checksums }]. Anything else -> MalformedXML.
 */
function parseCompleteMultipartUpload(text) {
	const body = text
		.replace(/^\uFEFF/, '')
		.replace(/^\s*<\?xml[^>]*\?>/, '')
		.trim();
	const root = /^<CompleteMultipartUpload(?:\s[^>]*)?>([\s\S]*)<\/CompleteMultipartUpload>$/.exec(
		body,
	);
	if (!root) throw malformedXml();
	const parts = [];
	const rest = root[1].replace(/<Part>([\s\S]*?)<\/Part>/g, (whole, inner) => {
		const number = child(inner, 'PartNumber');
		const etag = child(inner, 'ETag');
		if (number === undefined || etag === undefined || !/^\d+$/.test(number)) throw malformedXml();
		const checksums = {};
		for (const algo of ['CRC32', 'CRC32C', 'SHA1', 'SHA256']) {
			const value = child(inner, `Checksum${algo}`);
			if (value !== undefined) checksums[algo.toLowerCase()] = value;
		}
		parts.push({ partNumber: Number(number), etag: etag.replace(/^"|"$/g, ''), checksums });
		return '';
	});
	if (rest.trim() !== '' || parts.length === 0) throw malformedXml();
	return parts;
}

function completeResult({ location, bucket, key, etag }) {
	return doc(
		'CompleteMultipartUploadResult',
		elements({ Location: location, Bucket: bucket, Key: key, ETag: etag }),
	);
}

function initiateResult({ bucket, key, uploadId }) {
	return doc(
		'InitiateMultipartUploadResult',
		elements({ Bucket: bucket, Key: key, UploadId: uploadId }),
	);
}

function postResponse({ location, bucket, key, etag }) {
	return `${DECL}<PostResponse>${elements({ Location: location, Bucket: bucket, Key: key, ETag: etag })}</PostResponse>`;
}

function listResult({ bucket, prefix, objects }) {
	const contents = objects
		.map(
			([key, o]) =>
				`<Contents>${elements({
					Key: key,
					LastModified: o.lastModified.toISOString(),
					ETag: o.etag,
					Size: o.size,
					StorageClass: 'STANDARD',
				})}</Contents>`,
		)
		.join('');
	return doc(
		'ListBucketResult',
		elements({
			Name: bucket,
			Prefix: prefix,
			KeyCount: objects.length,
			MaxKeys: 1000,
			IsTruncated: 'false',
		}) + contents,
	);
}

module.exports = {
	parseCompleteMultipartUpload,
	completeResult,
	initiateResult,
	postResponse,
	listResult,
};
