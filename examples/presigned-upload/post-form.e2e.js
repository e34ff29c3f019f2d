'use strict';
// What `npm run test:e2e` checks after running post-form.json in n8n (see test/e2e/README.md).
module.exports = {
	covers: ['upload-file', 'core-node-source'],
	// The file is made by n8n's Convert to File node, so there is no fixture: the runner compares
	// the stored bytes with n8n's own binary data instead.
	objects: [{ key: 'examples/order-1001.json', contentType: 'application/json' }],
	calls: [{ server: 'presignApi', method: 'POST', path: '/presign' }],
	outputs: { 'Upload report': ['upload.bytes', 'upload.sha256', 'upload.etag', 'upload.method'] },
	check({ sandbox, items }) {
		const [item] = items('Upload report');
		if (item.json.upload.method !== 'POST')
			throw new Error(`expected a POST form, got ${item.json.upload.method}`);
		const stored = JSON.parse(
			sandbox.storage.getObject('examples/order-1001.json').body.toString('utf8'),
		);
		const order = Array.isArray(stored) ? stored[0] : stored;
		if (order.orderId !== 1001 || order.customer !== 'Ada Lovelace') {
			throw new Error(`stored report is not the order: ${JSON.stringify(stored)}`);
		}
	},
};
