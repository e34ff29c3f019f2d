'use strict';
// Starts the whole sandbox on loopback: strict storage, the presign API and every provider
// emulator that exists. `node sandbox/index.js` prints the URLs and keeps running.
const fs = require('node:fs');
const path = require('node:path');
const { startStorage } = require('./storage');
const { startPresignApi } = require('./presign-api');

// Provider emulators. Adding one is one line: {name, file, start, port}.
// `start` is called as start({port, host, storage}) and must resolve to {url, close(), calls?}.
const EMULATORS = [
	{ name: 'legitmark', file: './providers/legitmark.js', start: 'startLegitmark', port: 4568 },
	{ name: 'screening-eagle', file: './providers/screening-eagle.js', start: 'startScreeningEagle', port: 4569 },
	{ name: 'sivi', file: './providers/sivi.js', start: 'startSivi', port: 4570 },
	{ name: 'closient', file: './providers/closient.js', start: 'startClosient', port: 4571 },
	{ name: 'upscayl', file: './providers/upscayl.js', start: 'startUpscayl', port: 4572 },
];

const DEFAULT_PORTS = { storage: 4566, presignApi: 4567 };
for (const e of EMULATORS) DEFAULT_PORTS[e.name] = e.port;

// Bearer token the presign API wants (imported into n8n as a Header Auth credential).
const PRESIGN_API_TOKEN = 'sandbox-token';

/** n8n credentials for the sandbox itself (the presign API's bearer token, as Header Auth). */
function sandboxCredentials() {
	return [
		{
			id: 'sandboxPresignApi',
			name: 'Sandbox presign API',
			type: 'httpHeaderAuth',
			data: { name: 'Authorization', value: `Bearer ${PRESIGN_API_TOKEN}` },
		},
	];
}

/** Emulators whose module is present in this checkout. */
function availableEmulators() {
	return EMULATORS.filter((e) => fs.existsSync(path.join(__dirname, e.file)));
}

/**
 * Starts one provider emulator by its name in EMULATORS.
 * @param {string} name
 * @param {{port?: number, host?: string, storage: object}} options port 0 means any free port
 */
async function startEmulator(name, { port, host = '127.0.0.1', storage }) {
	const emulator = EMULATORS.find((e) => e.name === name);
	if (!emulator)
		throw new Error(`No emulator named ${name}; known: ${EMULATORS.map((e) => e.name)}`);
	const start = require(emulator.file)[emulator.start];
	return await start({ port: port ?? emulator.port, host, storage });
}

/**
 * @param {{ports?: Record<string, number>, host?: string}} [options]
 *   ports: per-server port; missing ones use DEFAULT_PORTS, 0 means any free port.
 */
async function startSandbox({ ports = {}, host = '127.0.0.1' } = {}) {
	const portOf = (name) => (ports[name] !== undefined ? ports[name] : DEFAULT_PORTS[name]);
	const started = [];
	try {
		const storage = await startStorage({ port: portOf('storage'), host });
		started.push(storage);
		const presignApi = await startPresignApi({
			port: portOf('presignApi'),
			host,
			storage,
			token: PRESIGN_API_TOKEN,
		});
		started.push(presignApi);
		const emulators = {};
		for (const e of availableEmulators()) {
			emulators[e.name] = await startEmulator(e.name, { port: portOf(e.name), host, storage });
			started.push(emulators[e.name]);
		}
		const urls = { storage: storage.url, presignApi: presignApi.url };
		for (const [name, emu] of Object.entries(emulators)) urls[name] = emu.url;
		return {
			storage,
			presignApi,
			emulators,
			urls,
			close: () => closeAll(started),
		};
	} catch (err) {
		await closeAll(started);
		throw err;
	}
}

async function closeAll(servers) {
	for (const s of servers.reverse()) {
		try {
			await s.close();
		} catch {
			// already closed
		}
	}
}

module.exports = {
	startSandbox,
	startEmulator,
	sandboxCredentials,
	availableEmulators,
	DEFAULT_PORTS,
	EMULATORS,
	PRESIGN_API_TOKEN,
};

if (require.main === module) {
	startSandbox().then(
		(sb) => {
			console.log('Sandbox running on loopback:');
			for (const [name, url] of Object.entries(sb.urls)) console.log(`  ${name.padEnd(12)} ${url}`);
			console.log(`  presign API token: ${PRESIGN_API_TOKEN}`);
			console.log('Ctrl+C stops it.');
			const stop = () => sb.close().then(() => process.exit(0));
			process.on('SIGINT', stop);
			process.on('SIGTERM', stop);
		},
		(err) => {
			console.error(err.message);
			process.exit(1);
		},
	);
}
