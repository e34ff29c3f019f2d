'use strict';
// What `npm run test:e2e` checks after running chained-steps.json in n8n (see test/e2e/README.md).
const { credentials, checkUploadAndResult } = require('./upscale-to-disk.e2e');

module.exports = {
	covers: ['chained-steps', 'core-node-source'],
	credentials,
	calls: [
		{ server: 'upscayl', method: 'POST', path: '/get-upload-url' },
		{ server: 'upscayl', method: 'POST', path: '/complete-multipart-upload' },
		{ server: 'upscayl', method: 'POST', path: '/start-task' },
		{ server: 'upscayl', method: 'POST', path: '/get-task-status', times: 2 },
	],
	outputs: {
		'Get upload URLs': [
			'uploadId',
			'path',
			'file.path',
			'target.parts',
			'target.partSize',
			'target.expiresAt',
		],
		'Tag the shop': ['shop', 'target.parts'],
		'Upload parts': ['shop', 'upload.bytes', 'upload.sha256', 'upload.etags'],
		'Complete upload': ['completed.status'],
		'Start upscaling': ['taskId', 'creditsToDeduct'],
	},
	/** The same uploaded photo as the one-step path, and the result downloaded as a WebP. */
	check({ items, storage, sandbox }) {
		const { path, taskId } = items('Start upscaling')?.[0]?.json ?? {};
		checkUploadAndResult({ storage, sandbox }, { path, taskId });
		const downloaded = items('Download upscaled image')?.[0]?.binary?.data;
		if (downloaded?.mimeType !== 'image/webp') {
			throw new Error(`the downloaded result is ${downloaded?.mimeType}, expected image/webp`);
		}
	},
};
