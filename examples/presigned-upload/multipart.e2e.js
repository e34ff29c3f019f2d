'use strict';
// What `npm run test:e2e` checks after running multipart.json in n8n (see test/e2e/README.md).
module.exports = {
	covers: ['upload-file', 'core-node-source'],
	objects: [{ key: 'examples/big.bin', fixture: 'big.bin' }],
	calls: [
		{ server: 'presignApi', method: 'GET', path: '/files/big.bin' },
		{ server: 'presignApi', method: 'POST', path: '/presign' },
	],
	outputs: {
		'Upload parts': [
			'upload.bytes',
			'upload.sha256',
			'upload.etag',
			'upload.etags',
			'upload.method',
		],
	},
	check({ sandbox, items }) {
		const [item] = items('Upload parts');
		if (item.json.upload.method !== 'MULTIPART')
			throw new Error(`expected MULTIPART, got ${item.json.upload.method}`);
		if (item.json.upload.etags.length !== 4)
			throw new Error(`expected 4 parts, got ${item.json.upload.etags.length}`);
		const open = sandbox.storage.listUploads().filter((u) => u.key === 'examples/big.bin');
		if (open.length) throw new Error(`multipart upload left open: ${JSON.stringify(open)}`);
	},
};
