'use strict';
// The storage sandbox in a process of its own, so the memory it uses to receive objects does not
// count against the upload being measured. Prints one line of JSON with its URLs, then serves:
//   POST /presign {key, method, size, partSize}  -> {target}
//   GET  /objects/<key>                           -> {size, sha256}
//   DELETE /objects/<key>                         -> {}
//   POST /latency {ms}                            -> {} (every storage answer comes that much later)
const http = require('node:http');
const { startStorage } = require('../sandbox/storage');

// A clean exit on SIGTERM lets `node --cpu-prof` write the storage's profile.
process.on('SIGTERM', () => process.exit(0));

async function main() {
	const storage = await startStorage({});
	const control = http.createServer(async (req, res) => {
		const reply = (status, value) => {
			// The bench pauses longer than keep-alive lasts between calls; fresh connections avoid stale ones.
			res.writeHead(status, { 'Content-Type': 'application/json', Connection: 'close' });
			res.end(JSON.stringify(value));
		};
		try {
			if (req.method === 'GET' && req.url.startsWith('/objects/')) {
				const object = storage.getObject(decodeURIComponent(req.url.slice('/objects/'.length)));
				return reply(
					object ? 200 : 404,
					object ? { size: object.size, sha256: object.sha256 } : {},
				);
			}
			if (req.method === 'DELETE' && req.url.startsWith('/objects/')) {
				// Objects live in this process's memory: the bench drops each one once checked.
				storage.deleteObject(decodeURIComponent(req.url.slice('/objects/'.length)));
				return reply(200, {});
			}
			let body = '';
			for await (const chunk of req) body += chunk;
			if (req.url === '/latency') {
				storage.setLatency(JSON.parse(body).ms);
				return reply(200, {});
			}
			const { key, method, size, partSize } = JSON.parse(body);
			if (method === 'PUT') return reply(200, { target: await storage.presignPut(key, {}) });
			if (method === 'POST')
				return reply(200, { target: await storage.presignPost(key, { maxBytes: size }) });
			const target = await storage.createMultipartUpload(key, { size, partSize });
			return reply(200, { target });
		} catch (error) {
			reply(500, { error: error.message });
		}
	});
	await new Promise((resolve) => control.listen(0, '127.0.0.1', resolve));
	process.stdout.write(
		`${JSON.stringify({ storage: storage.url, control: `http://127.0.0.1:${control.address().port}` })}\n`,
	);
}

main();
