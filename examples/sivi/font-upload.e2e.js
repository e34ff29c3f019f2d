'use strict';
// What `npm run test:e2e` checks after running font-upload.json in n8n (see test/e2e/README.md).
const { BASE_PATH } = require('../../sandbox/providers/sivi');
const helpers = require('./checks');

module.exports = {
	covers: ['upload-file', 'core-node-source'],
	credentials: helpers.credentials,
	calls: [
		{ server: 'sivi', method: 'POST', path: `${BASE_PATH}/general/files/get-presigned-url` },
		{ server: 'sivi', method: 'POST', path: `${BASE_PATH}/general/font/create` },
		{ server: 'sivi', method: 'GET', path: `${BASE_PATH}/general/get-request-status`, times: 3 },
	],
	outputs: {
		'Upload font': ['requestId', 'requestStatus', 'request.result', 'fileUrl', 'upload.sha256'],
	},
	/** The font is in storage byte for byte, and its request reached completed with the font in it. */
	check({ items, sandbox, storage }) {
		const { json } = items('Upload font')[0];
		const font = helpers.settingsFile('./font-upload.json', 'fontBase64');
		helpers.expectStored({ storage, sandbox }, json.fileUrl, font, 'font/ttf');
		const job = sandbox.emulators.sivi.jobs.get(json.requestId);
		if (job?.state !== 'completed' || json.requestStatus !== 'completed') {
			throw new Error(`the font request is ${job?.state}, the node says ${json.requestStatus}`);
		}
		const fontId = json.fileUrl
			.split('/')
			.pop()
			.replace(/\.ttf$/, '');
		if (!sandbox.emulators.sivi.fonts.has(fontId)) throw new Error(`Sivi lists no font ${fontId}`);
	},
};
