'use strict';
// What `npm run test:e2e` checks after running chained.json in n8n (see test/e2e/README.md).
module.exports = {
	covers: ['chained-steps', 'core-node-source'],
	objects: [
		{ key: 'examples/notes.txt', fixture: 'notes.txt', contentType: 'text/plain; charset=utf-8' },
	],
	calls: [{ server: 'presignApi', method: 'POST', path: '/presign' }],
	outputs: {
		'Pick URL and header': ['uploadUrl', 'contentType'],
		'Upload notes': ['objectKey', 'uploadUrl', 'upload.bytes', 'upload.sha256', 'upload.etag'],
	},
	check({ items }) {
		const [item] = items('Upload notes');
		if (item.json.upload.method !== 'PUT')
			throw new Error(`expected a PUT, got ${item.json.upload.method}`);
	},
};
