'use strict';
// What `npm run test:e2e` checks after running chained-steps.json in n8n (see test/e2e/README.md).
const { fixture } = require('../../sandbox/presign-api');
const { BASE_PATH } = require('../../sandbox/providers/sivi');
const helpers = require('./checks');

module.exports = {
	covers: ['chained-steps', 'core-node-source'],
	credentials: helpers.credentials,
	calls: [
		{ server: 'presignApi', method: 'GET', path: '/files/photo.jpg' },
		{ server: 'sivi', method: 'POST', path: `${BASE_PATH}/general/files/get-presigned-url` },
		{ server: 'sivi', method: 'POST', path: `${BASE_PATH}/general/media/create` },
	],
	outputs: {
		'Get upload URL': [
			'type',
			'extension',
			'contentType',
			'uploadUrl',
			'target.url',
			'target.headers',
		],
		'Tag campaign': ['target.url', 'campaign'],
		'Upload photo': ['campaign', 'upload.bytes', 'upload.sha256', 'upload.etag'],
		'Register photo': ['campaign', 'mediaId', 'media.subType'],
	},
	/** The downloaded photo is in storage byte for byte, and Sivi holds it as a photograph. */
	check({ items, sandbox, storage }) {
		const { json } = items('Register photo')[0];
		const fileUrl = String(json.uploadUrl).split('?')[0];
		const key = helpers.expectStored(
			{ storage, sandbox },
			fileUrl,
			fixture('photo.jpg'),
			'image/jpeg',
		);
		const media = sandbox.emulators.sivi.media.get(json.mediaId);
		if (!media || media.key !== key || media.subType !== 'photograph') {
			throw new Error(`Sivi holds no photograph for ${key}`);
		}
	},
};
