'use strict';

/**
 * Starts an HTTP server on loopback. Resolves to its URL and port and a close() that also ends
 * kept-alive connections, so a test run never waits on an idle socket.
 */
async function listen(server, { port = 0, host = '127.0.0.1' } = {}) {
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const actual = server.address().port;
	return {
		url: `http://${host}:${actual}`,
		port: actual,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

module.exports = { listen };
