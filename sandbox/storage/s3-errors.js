'use strict';

// S3's error document: <Error><Code/><Message/>[extra elements]<RequestId/><HostId/></Error>.

class S3Error extends Error {
	/**
	 * @param {number} status HTTP status
	 * @param {string} code S3 error code
	 * @param {string} message S3 error message
	 * @param {Record<string, string|number>} [extra] additional elements, in order
	 * @param {{ close?: boolean, headers?: Record<string,string> }} [options]
	 */
	constructor(status, code, message, extra = {}, options = {}) {
		super(`${code}: ${message}`);
		this.name = 'S3Error';
		this.status = status;
		this.code = code;
		this.s3Message = message;
		this.extra = extra;
		this.close = Boolean(options.close);
		this.headers = options.headers || {};
	}
}

function xmlEscape(value) {
	return String(value)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

function xmlUnescape(value) {
	return String(value).replace(
		/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g,
		(m, name, dec, hex) => {
			if (dec) return String.fromCodePoint(Number(dec));
			if (hex) return String.fromCodePoint(parseInt(hex, 16));
			return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name];
		},
	);
}

function elements(map) {
	return Object.entries(map)
		.filter(([, v]) => v !== undefined && v !== null)
		.map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`)
		.join('');
}

function errorXml(err, requestId, hostId) {
	return (
		'<?xml version="1.0" encoding="UTF-8"?>\n' +
		`<Error><Code>${xmlEscape(err.code)}</Code><Message>${xmlEscape(err.s3Message)}</Message>` +
		elements(err.extra) +
		`<RequestId>${xmlEscape(requestId)}</RequestId><HostId>${xmlEscape(hostId)}</HostId></Error>`
	);
}

const MESSAGES = {
	AccessDenied: 'Access Denied',
	SignatureDoesNotMatch:
		'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
	InvalidAccessKeyId: 'The AWS Access Key Id you provided does not exist in our records.',
	NotImplemented: 'A header you provided implies functionality that is not implemented',
	MissingContentLength: 'You must provide the Content-Length HTTP header.',
	IncompleteBody:
		'You did not provide the number of bytes specified by the Content-Length HTTP header',
	EntityTooLarge: 'Your proposed upload exceeds the maximum allowed size',
	EntityTooSmall: 'Your proposed upload is smaller than the minimum allowed size',
	NoSuchUpload:
		'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
	NoSuchKey: 'The specified key does not exist.',
	NoSuchBucket: 'The specified bucket does not exist',
	InvalidPart:
		"One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
	InvalidPartOrder:
		'The list of parts was not in ascending order. The parts list must be specified in order by part number.',
	MalformedXML:
		'The XML you provided was not well-formed or did not validate against our published schema',
	RequestTimeout:
		'Your socket connection to the server was not read from or written to within the timeout period. Idle connections will be closed.',
	SlowDown: 'Please reduce your request rate.',
	InternalError: 'We encountered an internal error. Please try again.',
	ServiceUnavailable: 'Service is unable to handle request.',
	MethodNotAllowed: 'The specified method is not allowed against this resource.',
	MalformedPOSTRequest: 'The body of your POST request is not well-formed multipart/form-data.',
};

/** Shorthand: s3error(403, 'AccessDenied') with S3's usual message. */
function s3error(status, code, message, extra, options) {
	return new S3Error(status, code, message || MESSAGES[code] || code, extra, options);
}

module.exports = { S3Error, s3error, errorXml, xmlEscape, xmlUnescape, elements, MESSAGES };
