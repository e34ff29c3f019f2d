'use strict';

// Streaming multipart/form-data parser for browser-based POST uploads. Text fields are kept as
// strings (bounded), the file part is handed out chunk by chunk so it never has to fit in memory
// as one string.

const { s3error } = require('./s3-errors');

const MAX_PART_HEADER_BYTES = 16 * 1024;

function malformed(detail) {
	return s3error(400, 'MalformedPOSTRequest', undefined, detail ? { Detail: detail } : {});
}

/** Boundary from a Content-Type header, or undefined when it is not multipart/form-data. */
function boundaryOf(contentType) {
	const m = /^\s*multipart\/form-data\s*;(.*)$/i.exec(contentType || '');
	if (!m) return undefined;
	const b = /(?:^|;)\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(m[1]);
	return b ? b[1] || b[2] : undefined;
}

function parsePartHeaders(text) {
	const headers = {};
	for (const line of text.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon <= 0) throw malformed('part header without a colon');
		headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	const disposition = headers['content-disposition'];
	if (!disposition || !/^form-data\b/i.test(disposition))
		throw malformed('part without Content-Disposition: form-data');
	const param = (key) => {
		const re = new RegExp(`;\\s*${key}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i');
		const hit = re.exec(disposition);
		if (!hit) return undefined;
		return hit[1] !== undefined ? hit[1].replace(/\\(.)/g, '$1') : hit[2].trim();
	};
	const name = param('name');
	if (name === undefined) throw malformed('part without a name');
	return { name, filename: param('filename'), contentType: headers['content-type'] };
}

/**
 * Push-style parser. Callbacks:
 *   onField(name, value)                  a complete text field
 *   onFileStart({ name, filename, contentType }), onFileData(buffer), onFileEnd()
 * A part is a file when its name is "file" (case-insensitive), as in S3.
 */
class FormDataParser {
	constructor(
		boundary,
		{ onField, onFileStart, onFileData, onFileEnd, maxFieldBytes = 20 * 1024 },
	) {
		this.delimiter = Buffer.from(`\r\n--${boundary}`);
		this.first = Buffer.from(`--${boundary}`);
		this.state = 'preamble';
		this.pending = Buffer.alloc(0);
		this.part = undefined;
		this.fieldChunks = [];
		this.fieldBytes = 0;
		this.maxFieldBytes = maxFieldBytes;
		this.cb = { onField, onFileStart, onFileData, onFileEnd };
	}

	write(chunk) {
		this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
		for (;;) {
			if (this.state === 'preamble' && !this.preamble()) return;
			if (this.state === 'after-delimiter' && !this.afterDelimiter()) return;
			if (this.state === 'headers' && !this.headers()) return;
			if (this.state === 'body' && !this.body()) return;
			if (this.state === 'done') {
				this.pending = Buffer.alloc(0); // epilogue is ignored
				return;
			}
		}
	}

	end() {
		if (this.state !== 'done') throw malformed('the body ended before the closing boundary');
	}

	preamble() {
		// The first boundary may open the body directly or follow a preamble line.
		let at = this.pending.indexOf(this.first);
		if (at === -1) {
			if (this.pending.length > MAX_PART_HEADER_BYTES) throw malformed('no opening boundary');
			return false;
		}
		if (at > 0 && !(at >= 2 && this.pending[at - 2] === 13 && this.pending[at - 1] === 10)) {
			throw malformed('no opening boundary');
		}
		this.pending = this.pending.subarray(at + this.first.length);
		this.state = 'after-delimiter';
		return true;
	}

	afterDelimiter() {
		if (this.pending.length < 2) return false;
		const a = this.pending[0];
		const b = this.pending[1];
		if (a === 45 && b === 45) {
			this.state = 'done';
		} else if (a === 13 && b === 10) {
			this.pending = this.pending.subarray(2);
			this.state = 'headers';
		} else {
			throw malformed('boundary not followed by CRLF');
		}
		return true;
	}

	headers() {
		const end = this.pending.indexOf('\r\n\r\n');
		if (end === -1) {
			if (this.pending.length > MAX_PART_HEADER_BYTES) throw malformed('part headers too large');
			return false;
		}
		const info = parsePartHeaders(this.pending.subarray(0, end).toString('utf8'));
		this.pending = this.pending.subarray(end + 4);
		this.part = { ...info, isFile: info.name.toLowerCase() === 'file' };
		if (this.part.isFile) this.cb.onFileStart(info);
		this.state = 'body';
		return true;
	}

	body() {
		const at = this.pending.indexOf(this.delimiter);
		if (at === -1) {
			// Keep a tail that could be the start of the delimiter.
			const keep = Math.min(this.pending.length, this.delimiter.length - 1);
			const emit = this.pending.length - keep;
			if (emit > 0) {
				this.data(this.pending.subarray(0, emit));
				this.pending = Buffer.from(this.pending.subarray(emit));
			}
			return false;
		}
		if (at > 0) this.data(this.pending.subarray(0, at));
		this.pending = this.pending.subarray(at + this.delimiter.length);
		this.finishPart();
		this.state = 'after-delimiter';
		return true;
	}

	data(buf) {
		if (this.part.isFile) {
			this.cb.onFileData(buf);
			return;
		}
		this.fieldBytes += buf.length;
		if (this.fieldBytes > this.maxFieldBytes) {
			throw s3error(
				400,
				'MaxPostPreDataLengthExceeded',
				'Your POST request fields preceeding the upload file was too large.',
				{
					MaxPostPreDataLengthExceeded: this.maxFieldBytes,
				},
			);
		}
		this.fieldChunks.push(Buffer.from(buf));
	}

	finishPart() {
		if (this.part.isFile) {
			this.cb.onFileEnd();
		} else {
			this.cb.onField(this.part.name, Buffer.concat(this.fieldChunks).toString('utf8'));
			this.fieldChunks = [];
		}
		this.part = undefined;
	}
}

module.exports = { FormDataParser, boundaryOf };
