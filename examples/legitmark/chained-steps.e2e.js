'use strict';
// What `npm run test:e2e` checks after running chained-steps.json in n8n (see test/e2e/README.md).
const { SIDES } = require('../../sandbox/providers/legitmark');
const { credentials, check } = require('./upload-and-submit.e2e');

const REQUIRED_SIDES = SIDES.filter((side) => side.required);

module.exports = {
	covers: ['chained-steps', 'core-node-source'],
	credentials,
	calls: [
		{ server: 'legitmark', method: 'GET', path: '/intent', times: REQUIRED_SIDES.length },
		{ server: 'legitmark', method: 'POST', path: /^\/api\/v2\/sr\/[0-9a-f-]{36}\/submit$/ },
	],
	outputs: {
		'Get upload URL': [
			'serviceRequestId',
			'sideId',
			'side',
			'target.url',
			'target.headers',
			'target.expiresAt',
		],
		'Mark as reviewed': ['target.url', 'reviewedBy'],
		'Upload photo': ['reviewedBy', 'upload.bytes', 'upload.sha256', 'upload.etag'],
		'Submit for authentication': ['uuid', 'state.primary'],
	},
	// Each required side holds the downloaded photo and the request moved on to QC.
	check,
};
