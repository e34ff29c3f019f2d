'use strict';
// Loads examples/<node>/*.json (importable n8n workflows) and their optional sidecars
// examples/<node>/<name>.e2e.js (credentials to import and what a run must prove). See README.md.
const fs = require('node:fs');
const path = require('node:path');
const P = require('./paths');
const { DEFAULT_PORTS } = require('../../sandbox');

const HOSTS = ['127.0.0.1', 'localhost'];

/** Workflow files below dir, at any depth, as paths relative to it with forward slashes. */
function workflowFiles(dir, folder = '') {
	return fs.readdirSync(path.join(dir, folder), { withFileTypes: true }).flatMap((entry) => {
		const file = path.posix.join(folder, entry.name);
		if (entry.isDirectory()) return workflowFiles(dir, file);
		return entry.name.endsWith('.json') ? [file] : [];
	});
}

/** All example workflows, sorted by path ("legitmark/upload-and-submit.json", ...). */
function loadExamples(dir = P.EXAMPLES_DIR) {
	if (!fs.existsSync(dir)) return [];
	const byId = new Map();
	return workflowFiles(dir)
		.sort()
		.map((file) => {
			const base = file.slice(0, -'.json'.length);
			const text = fs.readFileSync(path.join(dir, file), 'utf8');
			const workflow = JSON.parse(text);
			if (!workflow.id || String(workflow.id).length > 21) {
				throw new Error(`${file}: needs a stable "id" of at most 21 characters`);
			}
			// n8n imports by id: a second example with the same id would replace the first.
			if (byId.has(workflow.id)) {
				throw new Error(`${file}: id "${workflow.id}" is already used by ${byId.get(workflow.id)}`);
			}
			byId.set(workflow.id, file);
			const sidecarFile = path.join(dir, `${base}.e2e.js`);
			const sidecar = fs.existsSync(sidecarFile) ? require(sidecarFile) : {};
			return { file, base, text, workflow, sidecar };
		});
}

/**
 * Examples point at the demo's fixed sandbox ports (http://127.0.0.1:4567, ...). When the
 * sandbox runs elsewhere (tests use free ports), rewrite those origins to the real ones.
 */
function rewriteSandboxUrls(text, urls) {
	let out = text;
	for (const [name, url] of Object.entries(urls)) {
		const port = DEFAULT_PORTS[name];
		if (!port) continue;
		for (const host of HOSTS) out = out.split(`http://${host}:${port}`).join(url);
	}
	return out;
}

/** The workflow as imported into n8n: sandbox URLs rewritten, never active. */
function workflowForImport(example, urls) {
	const wf = JSON.parse(rewriteSandboxUrls(example.text, urls));
	return { settings: {}, ...wf, active: false };
}

/** Credentials from the sandbox plus every sidecar, one per id. */
function collectCredentials(examples, context, sandboxCredentials = []) {
	const byId = new Map();
	const add = (c) => {
		if (!c.id || !c.name || !c.type)
			throw new Error(`credential needs id, name and type: ${JSON.stringify(c)}`);
		byId.set(c.id, c);
	};
	sandboxCredentials.forEach(add);
	for (const ex of examples) {
		const list =
			typeof ex.sidecar.credentials === 'function'
				? ex.sidecar.credentials(context)
				: ex.sidecar.credentials;
		(list || []).forEach(add);
	}
	return [...byId.values()];
}

module.exports = { loadExamples, rewriteSandboxUrls, workflowForImport, collectCredentials };
