'use strict';
// What `npm run test:e2e` checks after running chained-steps.json in n8n (see test/e2e/README.md).
const { credentials, expectCompleted } = require('./upload-and-attach.e2e');

module.exports = {
	covers: ['chained-steps', 'core-node-source'],
	credentials,
	calls: [
		{ server: 'screening-eagle', method: 'POST', path: '/api/inspect/v1/file/upload/presigned' },
		{ server: 'screening-eagle', method: 'POST', path: '/api/inspect/v1/file/upload/complete' },
		{ server: 'presignApi', method: 'GET', path: '/files/medium.bin' },
	],
	outputs: {
		'Get upload URL': [
			'fileId',
			'alreadyUploaded',
			'hash',
			'target.url',
			'target.headers',
			'target.expiresAt',
		],
		'Mark as reviewed': ['target.url', 'fileId', 'reviewedBy'],
		'Upload binary': ['reviewedBy', 'upload.bytes', 'upload.sha256'],
		'Complete upload': ['fileId', 'completed'],
	},
	/** The file went through the three steps and Screening Eagle holds it, completed. */
	check({ items, sandbox }) {
		const fileId = items('Complete upload')[0].json.fileId;
		if (items('Complete upload')[0].json.completed !== true)
			throw new Error('the upload was not completed');
		expectCompleted(sandbox, fileId, 'medium.bin');
	},
};
