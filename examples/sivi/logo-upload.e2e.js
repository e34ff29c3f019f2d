'use strict';
// What `npm run test:e2e` checks after running logo-upload.json in n8n (see test/e2e/README.md).
const { BASE_PATH } = require('../../sandbox/providers/sivi');
const { credentials, expectStored, settingsFile } = require('./checks');

module.exports = {
	covers: ['upload-file', 'core-node-source'],
	credentials,
	calls: [
		{ server: 'sivi', method: 'POST', path: `${BASE_PATH}/general/files/get-presigned-url` },
		{ server: 'sivi', method: 'POST', path: `${BASE_PATH}/general/media/create` },
	],
	outputs: { 'Upload logo': ['mediaId', 'media.mId', 'fileUrl', 'upload.sha256', 'upload.etag'] },
	/** The logo is in storage byte for byte, and Sivi holds it as a logo of the brand. */
	check({ items, sandbox, storage }) {
		const { json } = items('Upload logo')[0];
		const logo = settingsFile('./logo-upload.json', 'logoBase64');
		const key = expectStored({ storage, sandbox }, json.fileUrl, logo, 'image/png');
		const media = sandbox.emulators.sivi.media.get(json.mediaId);
		if (!media || media.key !== key || media.type !== 'logo' || media.bId !== 'b_sandbox') {
			throw new Error(`Sivi holds no logo of brand b_sandbox for ${key}`);
		}
	},
};
