'use strict';
// Runs `n8n start` (the editor and REST API) on loopback for a prepared user folder and
// creates the owner account, so a browser (or a person) can sign in.
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const P = require('./paths');
const { EDITOR_READY, n8nEnv, freePort, tail } = require('./n8n-home');

const OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'User',
	password: 'Sandbox-demo-1',
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function setupOwner(baseUrl) {
	const res = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	return { status: res.status, text: await res.text() };
}

/** The status of the owner's sign-in: the setup call's answer alone does not say it works. */
async function ownerSignIn(baseUrl) {
	const res = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	return res.status;
}

/**
 * Start the editor. Resolves once the owner exists.
 * @returns {Promise<{url: string, owner: object, log: string, stop(): Promise<void>}>}
 */
async function startEditor(home, { port = 5678, brokerPort, log, timeoutMs = 120000 } = {}) {
	log = log || path.join(P.E2E_DIR, 'editor.log');
	fs.writeFileSync(log, '');
	brokerPort = brokerPort || (await freePort());
	const url = `http://localhost:${port}`;
	const out = fs.openSync(log, 'a');
	const child = spawn(path.join(P.NODE24_BIN, 'node'), [P.N8N_BIN, 'start'], {
		cwd: home,
		env: n8nEnv(home, {
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: 'localhost',
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		}),
		stdio: ['ignore', out, out],
		detached: true, // its own process group, so stop() also ends n8n's task runners
	});
	fs.closeSync(out);
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));

	const stop = async () => {
		if (exited) return;
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			return;
		}
		for (let i = 0; i < 100 && !exited; i++) await sleep(100);
		if (!exited) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// gone
			}
		}
	};

	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (exited) throw new Error(`n8n start exited (${JSON.stringify(exited)})\n${tail(log)}`);
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n editor did not come up within ${timeoutMs / 1000} s\n${tail(log)}`);
		}
		// Until n8n says it listens, the port may still answer for another process: it came from
		// freePort(), and loopback servers of tests running alongside can be handed it meanwhile.
		if (!EDITOR_READY.test(fs.readFileSync(log, 'utf8'))) {
			await sleep(500);
			continue;
		}
		let status = 0;
		try {
			const answer = await setupOwner(`http://127.0.0.1:${port}`);
			status = answer.status;
			fs.appendFileSync(
				log,
				`owner setup answered ${status}: ${answer.text.replace(/\s+/g, ' ').slice(0, 200)}\n`,
			);
		} catch {
			// not listening yet
		}
		// 200: owner created; 400: owner already set up (a reused user folder), or a call that
		// reached n8n before it could set one up. Either way the owner must then sign in.
		if (status === 200 || status === 400) {
			const signIn = await ownerSignIn(`http://127.0.0.1:${port}`).catch((e) => e.message);
			if (signIn === 200) break;
			fs.appendFileSync(log, `owner sign-in answered ${signIn}\n`);
		}
		await sleep(1000);
	}
	return { url, owner: OWNER, log, stop, pid: child.pid };
}

module.exports = { startEditor, freePort, OWNER };
