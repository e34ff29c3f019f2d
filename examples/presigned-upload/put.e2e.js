'use strict';
// What `npm run test:e2e` checks after running put.json in n8n (see test/e2e/README.md).
module.exports = {
	covers: ['upload-file', 'core-node-source'],
	objects: [{ key: 'examples/photo.jpg', fixture: 'photo.jpg', contentType: 'image/jpeg' }],
	calls: [
		{ server: 'presignApi', method: 'POST', path: '/presign' },
		{ server: 'presignApi', method: 'GET', path: '/files/photo.jpg' },
	],
	outputs: {
		'Upload photo': [
			'key',
			'upload.bytes',
			'upload.sha256',
			'upload.sha256Base64',
			'upload.etag',
			'upload.method',
		],
	},
};
