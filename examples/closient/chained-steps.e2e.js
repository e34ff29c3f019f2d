'use strict';
// What `npm run test:e2e` checks after running chained-steps.json in n8n (see test/e2e/README.md).
const { credentials, check } = require('./photo-session.e2e');

const PHOTOS = 3;

module.exports = {
	covers: ['chained-steps', 'core-node-source'],
	credentials,
	calls: [
		{ server: 'closient', method: 'GET', path: /\/presigned-upload-url$/, times: PHOTOS },
		{ server: 'closient', method: 'POST', path: /\/photos$/, times: PHOTOS },
		{ server: 'closient', method: 'POST', path: /\/submit$/ },
	],
	outputs: {
		'Get upload URL': [
			'sessionId',
			'photoType',
			's3Key',
			'target.url',
			'target.fields.Policy',
			'target.expiresAt',
		],
		'Mark as reviewed': ['target.url', 'reviewedBy'],
		'Upload photo': ['reviewedBy', 's3Key', 'upload.bytes', 'upload.sha256'],
		'Register photo': ['sessionId', 'photoId', 's3_key', 'photo_type', 'file_size'],
		'Submit session': ['sessionId', 'status'],
	},
	// The three photos are stored, registered with their types and sizes, and the session submitted.
	check,
};
