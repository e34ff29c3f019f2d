'use strict';

// Reads a request body up to a size limit. Past the limit the rest is still read, so the
// client gets the answer rather than a reset, but not kept.

function readText(req, limit) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size <= limit) chunks.push(chunk);
		});
		req.on('error', reject);
		req.on('end', () =>
			resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > limit }),
		);
	});
}

/** Parsed JSON, or the text itself when it is not JSON (for the call log). */
function jsonOrText(text) {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

module.exports = { readText, jsonOrText };
