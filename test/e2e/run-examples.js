'use strict';
// One runner for `npm run demo` and `npm run test:e2e`: start the sandbox, make sure n8n is
// installed, install this package into a fresh n8n user folder, import credentials and every
// example workflow, execute each through the n8n CLI and verify the result on the storage side.
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const P = require('./paths');
const { ensureN8n } = require('./n8n-install');
const { PACKAGE_NAME, n8nCli, packPackage, prepareHome, importAll, tail } = require('./n8n-home');
const { loadExamples, workflowForImport, collectCredentials } = require('./examples');
const { isTriggerExample } = require('./trigger-run');
const { startSandbox, sandboxCredentials } = require('../../sandbox');
const { fixture } = require('../../sandbox/presign-api');

/**
 * Everything up to the first execution. Files go to .cache/e2e/<name>/ (user folder, logs).
 * env: extra n8n settings for the imports (e.g. a shared database); forImport: changes each
 * workflow before import; examples: what to run (default: every examples/ workflow).
 * @param {{name?: string, ports?: object, onStep?: (text: string) => void, env?: object,
 *   forImport?: (workflow: object) => object, examples?: object[]}} options
 */
async function prepare({
	name = 'demo',
	ports,
	onStep = () => {},
	env = {},
	forImport = (workflow) => workflow,
	examples = loadExamples(),
} = {}) {
	const dir = path.join(P.E2E_DIR, name);
	const home = path.join(dir, 'home');
	const logs = {
		install: path.join(P.E2E_DIR, 'install.log'),
		setup: path.join(dir, 'setup.log'),
		runs: path.join(dir, 'runs'),
		editor: path.join(dir, 'editor.log'),
	};
	fs.rmSync(logs.runs, { recursive: true, force: true });
	fs.mkdirSync(logs.runs, { recursive: true });
	fs.writeFileSync(logs.setup, '');
	const timings = {};
	const timed = async (name, fn) => {
		const t = Date.now();
		try {
			return await fn();
		} finally {
			timings[name] = (Date.now() - t) / 1000;
		}
	};

	onStep('Starting the sandbox (storage, presign API, provider emulators) on loopback');
	const sandbox = await startSandbox({ ports });
	try {
		onStep('Making sure n8n is installed (the first run installs it into .cache/n8n)');
		const install = await timed('install', () =>
			ensureN8n({
				log: logs.install,
				onProgress: (what) => onStep(`  installing ${what} (logs: ${logs.install})`),
			}),
		);
		onStep(`Installing ${PACKAGE_NAME} into a fresh n8n user folder (npm pack -> .n8n/nodes)`);
		const n8nField = await timed('package', async () => {
			const tarball = await packPackage(path.join(dir, 'pack'), logs.setup);
			return prepareHome(home, { log: logs.setup, tarball });
		});
		const context = { urls: sandbox.urls, sandbox };
		const credentials = collectCredentials(examples, context, sandboxCredentials(sandbox.urls));
		const workflows = examples.map((ex) => forImport(workflowForImport(ex, sandbox.urls)));
		onStep(`Importing ${credentials.length} credentials and ${workflows.length} workflows`);
		await timed('import', () => importAll(home, { credentials, workflows, log: logs.setup, env }));
		// A trigger workflow listens once published; n8n reads that when it starts.
		for (const example of examples.filter(isTriggerExample)) {
			await n8nCli(home, ['publish:workflow', `--id=${example.workflow.id}`], {
				log: logs.setup,
				env,
			});
		}
		const descriptions = loadDescriptions(n8nField);
		return {
			dir,
			sandbox,
			home,
			logs,
			examples,
			workflows,
			credentials,
			install,
			n8nField,
			descriptions,
			timings,
		};
	} catch (err) {
		await sandbox.close();
		throw err;
	}
}

/** The IRun JSON that `n8n execute --rawOutput` prints between n8n's own log lines. */
function parseRunOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	if (start < 0) return undefined;
	for (let end = lines.length - 1; end > start; end--) {
		if (lines[end] !== '}') continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n'));
		} catch {
			// keep looking for an earlier closing brace
		}
	}
	return undefined;
}

async function storageSnapshot(storage) {
	const list = await storage.listObjects();
	const keys = (Array.isArray(list) ? list : Object.keys(list || {})).map((o) =>
		typeof o === 'string' ? o : o.key,
	);
	const snap = new Map();
	for (const key of keys) {
		const obj = await storage.getObject(key);
		if (obj)
			snap.set(key, { key, size: obj.size, sha256: obj.sha256, contentType: obj.contentType });
	}
	return snap;
}

/**
 * The sandbox key an upload's `objectUrl` names (path style: <storage url>/<bucket>/<key>), or a
 * problem when the node reported no address or one outside the sandbox's bucket.
 */
function keyOfObjectUrl(storage, objectUrl) {
	if (typeof objectUrl !== 'string') return { problem: 'reported no objectUrl' };
	const prefix = `${storage.url}/${storage.bucket}/`;
	if (!objectUrl.startsWith(prefix)) {
		return { problem: `reported objectUrl ${objectUrl}, outside the bucket ${prefix}` };
	}
	return { key: decodeURIComponent(objectUrl.slice(prefix.length)) };
}

function changedObjects(before, after) {
	return [...after.values()].filter((o) => {
		const b = before.get(o.key);
		return !b || b.sha256 !== o.sha256 || b.size !== o.size;
	});
}

function callLists(sandbox) {
	const lists = { presignApi: sandbox.presignApi.calls || [] };
	for (const [name, emu] of Object.entries(sandbox.emulators)) lists[name] = emu.calls || [];
	return lists;
}

const getPath = (obj, dotted) =>
	dotted.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);

const prettyType = (type) =>
	type
		.slice(PACKAGE_NAME.length + 1)
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/^./, (c) => c.toUpperCase());

/** Node descriptions of the built package by type name (for readable operation names). */
function loadDescriptions(n8nField) {
	const out = {};
	for (const file of n8nField.nodes || []) {
		try {
			const mod = require(path.join(P.ROOT, file));
			const Cls = Object.values(mod).find((v) => typeof v === 'function');
			const description = new Cls().description;
			out[`${PACKAGE_NAME}.${description.name}`] = description;
		} catch {
			// names stay as parameter values
		}
	}
	return out;
}

/** "Upload File" for operation "uploadFile" of the node's resource; the raw value otherwise. */
function operationLabel(descriptions, node) {
	const value = node.parameters?.operation;
	const props = descriptions?.[node.type]?.properties;
	if (!value || !props) return value;
	const resource = node.parameters.resource ?? props.find((p) => p.name === 'resource')?.default;
	const prop = props.find(
		(p) =>
			p.name === 'operation' &&
			(!p.displayOptions?.show?.resource || p.displayOptions.show.resource.includes(resource)),
	);
	return prop?.options?.find((o) => o.value === value)?.name || value;
}

/** Items of a node's last run, first output. */
function nodeItems(run, nodeName) {
	const runs = run?.data?.resultData?.runData?.[nodeName];
	if (!runs || !runs.length) return undefined;
	return runs[runs.length - 1].data?.main?.[0] || [];
}

function sha256File(file) {
	return new Promise((resolve, reject) => {
		const hash = crypto.createHash('sha256');
		fs.createReadStream(file)
			.on('error', reject)
			.on('data', (c) => hash.update(c))
			.on('end', () => resolve(hash.digest('hex')));
	});
}

/** sha256 of a binary as n8n stored it (filesystem mode), or of inline base64 data. */
async function n8nBinarySha256(home, binary) {
	if (!binary) return undefined;
	if (binary.id && binary.id.includes(':')) {
		const [mode, rel] = [
			binary.id.slice(0, binary.id.indexOf(':')),
			binary.id.slice(binary.id.indexOf(':') + 1),
		];
		if (!mode.startsWith('filesystem')) {
			return { problem: `binary ${binary.id} is in "${mode}" mode, which the check cannot read` };
		}
		const file = path.join(home, '.n8n', 'storage', rel);
		if (!fs.existsSync(file)) return { problem: `n8n's file for binary ${binary.id} is missing` };
		return { sha256: await sha256File(file) };
	}
	if (typeof binary.data === 'string') {
		return {
			sha256: crypto.createHash('sha256').update(Buffer.from(binary.data, 'base64')).digest('hex'),
		};
	}
	return { problem: 'the binary has neither an id nor inline data' };
}

/** Runs the example with `n8n execute`; resolves to the printed run data (undefined if none). */
async function executeWithCli(ctx, example, row) {
	let stdout = '';
	try {
		stdout = await n8nCli(ctx.home, ['execute', `--id=${example.workflow.id}`, '--rawOutput'], {
			log: row.log,
		});
	} catch (err) {
		stdout = err.stdout || '';
		const run = parseRunOutput(stdout);
		// n8n 2.41's CLI now and then dies of SIGSEGV while shutting down, after it printed a
		// finished run: the run stands (and is verified on the storage side), the crash is noted.
		if (err.signal === 'SIGSEGV' && run?.finished === true) {
			fs.appendFileSync(row.log, '\n(n8n execute crashed on exit after a finished run)\n');
			return run;
		}
		row.failures.push(`n8n execute failed: ${err.message.split('\n')[0]}`);
	}
	return parseRunOutput(stdout);
}

/**
 * Execute one example and check everything it promises. Returns a table row.
 * ctx.execute(ctx, example, row) runs it (default: `n8n execute`) and resolves to n8n's run data;
 * ctx.binarySha256(binary) reads n8n's copy of a binary (default: the filesystem store).
 */
async function runExample(ctx, example) {
	const { sandbox, home, logs } = ctx;
	const wf = example.workflow;
	const ours = wf.nodes.filter((n) => n.type.startsWith(`${PACKAGE_NAME}.`));
	const row = {
		file: example.file,
		id: wf.id,
		workflow: wf.name,
		node: [...new Set(ours.map((n) => prettyType(n.type)))].join(', ') || '-',
		operations: '',
		bytes: 0,
		verified: false,
		seconds: 0,
		wallSeconds: 0,
		ok: false,
		failures: [],
		objects: [],
		log: path.join(logs.runs, `${example.base}.log`),
		run: undefined,
	};
	const fail = (msg) => row.failures.push(msg);
	fs.mkdirSync(path.dirname(row.log), { recursive: true });
	const before = await storageSnapshot(sandbox.storage);
	const callsBefore = Object.fromEntries(
		Object.entries(callLists(sandbox)).map(([k, v]) => [k, v.length]),
	);

	const t = Date.now();
	const run = await (ctx.execute ?? executeWithCli)(ctx, example, row);
	row.wallSeconds = (Date.now() - t) / 1000;
	row.run = run;
	if (!run) {
		fail('no execution result in the n8n output');
		row.failures.push(tail(row.log, 25));
		return row;
	}
	row.seconds = (new Date(run.stoppedAt) - new Date(run.startedAt)) / 1000;
	const resultError = run.data?.resultData?.error;
	if (resultError) fail(`execution error: ${resultError.message}`);
	if (run.status !== 'success') fail(`execution status is ${run.status}`);

	// Our nodes ran, in execution order; their output items feed the storage checks.
	const runData = run.data?.resultData?.runData || {};
	const ordered = [...ours].sort(
		(a, b) =>
			(runData[a.name]?.[0]?.executionIndex ?? 1e9) - (runData[b.name]?.[0]?.executionIndex ?? 1e9),
	);
	const operations = [];
	const uploads = [];
	// Items keep `upload` as they flow on; an upload counts for the node that first reported it.
	const reported = new Set();
	for (const node of ordered) {
		const items = nodeItems(run, node.name);
		if (!items) {
			fail(`node "${node.name}" did not run`);
			continue;
		}
		if (!items.length) fail(`node "${node.name}" returned no items`);
		const op = operationLabel(ctx.descriptions, node);
		const own = items.filter((i) => i.json?.upload && !reported.has(i.json.upload.sha256));
		const methods = [...new Set(own.map((i) => i.json.upload.method).filter(Boolean))];
		operations.push(
			op ? (methods.length ? `${op} (${methods.join('/')})` : op) : methods.join('/') || '?',
		);
		const prop = node.parameters?.binaryPropertyName || 'data';
		for (const item of own) {
			uploads.push({ node: node.name, upload: item.json.upload, binary: item.binary?.[prop] });
		}
		for (const item of own) reported.add(item.json.upload.sha256);
	}
	row.operations = operations.join(' → ');

	// Storage side: what changed during this run, byte-identical to what n8n held.
	const after = await storageSnapshot(sandbox.storage);
	const changed = changedObjects(before, after);
	row.objects = changed;
	row.bytes = changed.reduce((sum, o) => sum + (o.size || 0), 0);
	if (!changed.length) fail('no object reached storage');
	let shaChecks = 0;
	for (const u of uploads) {
		// The object at the address the node reported, changed by this run, holds the bytes it hashed.
		const { key, problem } = keyOfObjectUrl(sandbox.storage, u.upload.objectUrl);
		if (problem) {
			fail(`${u.node}: ${problem}`);
			continue;
		}
		const match = changed.find((o) => o.key === key);
		if (!match) {
			fail(`${u.node}: this run changed no object at "${key}", where the node uploaded`);
			continue;
		}
		if (match.sha256 !== u.upload.sha256) {
			fail(`${u.node}: "${key}" has sha256 ${match.sha256}, the node reported ${u.upload.sha256}`);
			continue;
		}
		if (u.upload.bytes !== undefined && u.upload.bytes !== match.size) {
			fail(`${u.node}: node reported ${u.upload.bytes} bytes, storage holds ${match.size}`);
		}
		const n8nSha = await (ctx.binarySha256 ?? ((b) => n8nBinarySha256(home, b)))(u.binary);
		if (n8nSha?.problem) fail(`${u.node}: ${n8nSha.problem}`);
		else if (n8nSha && n8nSha.sha256 !== match.sha256)
			fail(`${u.node}: storage bytes differ from n8n's binary data`);
		else if (n8nSha) shaChecks++;
	}
	for (const want of example.sidecar.objects || []) {
		const obj = after.get(want.key);
		if (!obj) {
			fail(`storage has no object "${want.key}"`);
			continue;
		}
		const fx = want.fixture && fixture(want.fixture);
		if (want.fixture && !fx) fail(`unknown fixture "${want.fixture}"`);
		const sha = want.sha256 || fx?.sha256;
		if (sha && obj.sha256 !== sha) fail(`"${want.key}": sha256 ${obj.sha256} is not ${sha}`);
		else if (sha) shaChecks++;
		const size = want.size ?? fx?.size;
		if (size !== undefined && obj.size !== size)
			fail(`"${want.key}": ${obj.size} bytes, expected ${size}`);
		if (want.contentType && obj.contentType !== want.contentType) {
			fail(`"${want.key}": content type ${obj.contentType}, expected ${want.contentType}`);
		}
	}
	if (!shaChecks) fail('nothing to compare the stored bytes with (no n8n binary, no fixture)');

	// Calls the sandbox servers must have seen during this run.
	const lists = callLists(sandbox);
	for (const want of example.sidecar.calls || []) {
		const seen = (lists[want.server] || []).slice(callsBefore[want.server] || 0);
		const hits = seen.filter(
			(c) =>
				(!want.method || String(c.method).toUpperCase() === want.method.toUpperCase()) &&
				(want.path instanceof RegExp ? want.path.test(c.path) : c.path === want.path),
		);
		const min = want.times ?? 1;
		if (hits.length < min) {
			fail(
				`${want.server} saw ${hits.length}x ${want.method || ''} ${want.path}, expected at least ${min}`,
			);
		}
	}

	// Fields the output items of named nodes must carry.
	for (const [nodeName, fields] of Object.entries(example.sidecar.outputs || {})) {
		const items = nodeItems(run, nodeName);
		if (!items || !items.length) {
			fail(`node "${nodeName}" has no output`);
			continue;
		}
		for (const field of fields) {
			if (items.some((i) => getPath(i.json, field) === undefined))
				fail(`"${nodeName}" output lacks ${field}`);
		}
	}

	if (typeof example.sidecar.check === 'function') {
		try {
			await example.sidecar.check({
				run,
				row,
				sandbox,
				items: (name) => nodeItems(run, name),
				storage: after,
			});
		} catch (err) {
			fail(err.message);
		}
	}
	row.shaChecks = shaChecks;
	row.verified = row.failures.length === 0 && shaChecks > 0;
	row.ok = row.failures.length === 0;
	return row;
}

/** Every example `n8n execute` can run; trigger examples need a running n8n (trigger-run.js). */
async function runAll(ctx, { onRow = () => {} } = {}) {
	const rows = [];
	for (const example of ctx.examples.filter((ex) => !isTriggerExample(ex))) {
		const row = await runExample(ctx, example);
		rows.push(row);
		onRow(row);
	}
	return rows;
}

module.exports = { prepare, runExample, runAll, parseRunOutput, nodeItems, prettyType };
