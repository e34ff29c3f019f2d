'use strict';
// Real n8n end to end: the same runs as `npm run demo`, with assertions, plus the editor in a
// real browser. Everything is prepared once in beforeAll; each test reads its part.
const fs = require('node:fs');
const path = require('node:path');
const P = require('./paths');
const { prepare, runAll, nodeItems } = require('./run-examples');
const { loadExamples } = require('./examples');
const { startEditor, freePort } = require('./n8n-editor');
const { browserCheck } = require('./browser-check');
const { isTriggerExample, runTriggerExample } = require('./trigger-run');
const { PACKAGE_NAME } = require('./n8n-home');
const { DEFAULT_PORTS } = require('../../sandbox');

const COVERAGE = ['upload-file', 'chained-steps', 'core-node-source'];
// A trigger node sends no bytes; its examples show deliveries to a published workflow.
const TRIGGER_COVERAGE = ['webhook-trigger'];
const SETUP_TIMEOUT = 30 * 60 * 1000; // a cold n8n install is part of the first run

/** Node type names the package declares, read from the built files (for test names). */
function declaredNodeTypes() {
	const pkg = require(path.join(P.ROOT, 'package.json'));
	return (pkg.n8n?.nodes || []).map((file) => {
		try {
			const mod = require(path.join(P.ROOT, file));
			const Cls = Object.values(mod).find((v) => typeof v === 'function');
			return `${PACKAGE_NAME}.${new Cls().description.name}`;
		} catch {
			const base = path.basename(file, '.node.js');
			return `${PACKAGE_NAME}.${base[0].toLowerCase()}${base.slice(1)}`;
		}
	});
}

/** Trigger node types by the built description's group. */
function isTriggerType(type) {
	const pkg = require(path.join(P.ROOT, 'package.json'));
	return (pkg.n8n?.nodes || []).some((file) => {
		const Cls = Object.values(require(path.join(P.ROOT, file))).find(
			(v) => typeof v === 'function',
		);
		const description = new Cls().description;
		return `${PACKAGE_NAME}.${description.name}` === type && description.group.includes('trigger');
	});
}

const examples = loadExamples();
const executedExamples = examples.filter((ex) => !isTriggerExample(ex));
const triggerExamples = examples.filter(isTriggerExample);
const browser = () => {
	if (state.browserError) throw state.browserError;
	return state.browser;
};
const nodeTypes = declaredNodeTypes();
const state = {};

beforeAll(async () => {
	const ports = Object.fromEntries(Object.keys(DEFAULT_PORTS).map((k) => [k, 0]));
	state.ctx = await prepare({ name: 'test', ports });
	state.rows = await runAll(state.ctx);
	// A browser or editor problem fails the browser tests only; the workflow results stand.
	try {
		state.editor = await startEditor(state.ctx.home, {
			port: await freePort(),
			log: state.ctx.logs.editor,
		});
		state.triggerRows = [];
		for (const example of triggerExamples) {
			state.triggerRows.push(
				await runTriggerExample({ editor: state.editor, sandbox: state.ctx.sandbox, example }),
			);
		}
		state.browser = await browserCheck({
			editor: state.editor,
			packageName: PACKAGE_NAME,
			expectedNodes: nodeTypes,
			workflows: state.ctx.workflows,
			outDir: P.SCREENSHOTS_DIR,
		});
	} catch (err) {
		state.browserError = err;
	}
}, SETUP_TIMEOUT);

afterAll(async () => {
	if (state.editor) await state.editor.stop();
	if (state.ctx) await state.ctx.sandbox.close();
});

describe('package install', () => {
	test('loads from <user folder>/.n8n/nodes as a community package, not from a custom folder', () => {
		const { home } = state.ctx;
		const installed = path.join(
			home,
			'.n8n',
			'nodes',
			'node_modules',
			PACKAGE_NAME,
			'package.json',
		);
		expect(fs.existsSync(installed)).toBe(true);
		expect(fs.existsSync(path.join(home, '.n8n', 'custom'))).toBe(false);
		expect(browser().missing).toEqual([]);
	});

	// The kinds of run every node needs (sidecar `covers`, see README.md).
	test.each(nodeTypes)(
		'%s: examples cover its kinds of run (upload-file, chained-steps, core-node-source; a trigger: webhook-trigger)',
		(type) => {
			const users = examples.filter((ex) => ex.workflow.nodes.some((n) => n.type === type));
			const covered = new Set(users.flatMap((ex) => ex.sidecar.covers || []));
			const wanted = isTriggerType(type) ? TRIGGER_COVERAGE : COVERAGE;
			const missing = wanted.filter((kind) => !covered.has(kind));
			expect({ type, examples: users.map((ex) => ex.file), missing }).toEqual({
				type,
				examples: expect.arrayContaining([expect.any(String)]),
				missing: [],
			});
		},
	);
});

describe('example workflows in n8n', () => {
	test.each(executedExamples.map((ex) => [ex.file, ex]))('%s', (file) => {
		const row = state.rows.find((r) => r.file === file);
		expect(row).toBeDefined();
		expect(row.failures).toEqual([]);
		expect(row.verified).toBe(true);
		expect(row.bytes).toBeGreaterThan(0);
		// Every node of ours produced items that carry the upload summary or their own output.
		const ours = row.run.data.resultData.runData;
		for (const node of examples.find((ex) => ex.file === file).workflow.nodes) {
			if (!node.type.startsWith(`${PACKAGE_NAME}.`)) continue;
			expect(nodeItems(row.run, node.name)?.length).toBeGreaterThan(0);
			expect(ours[node.name][0].executionStatus).toBe('success');
		}
	});
});

describe('trigger workflows published in the running n8n', () => {
	test.each(triggerExamples.map((ex) => [ex.file, ex]))(
		'%s: signed deliveries to the production URL run the workflow down the branch of each verdict',
		(file) => {
			if (state.browserError && !state.triggerRows) throw state.browserError;
			const row = state.triggerRows.find((r) => r.file === file);
			expect(row).toBeDefined();
			expect(row.failures).toEqual([]);
			expect(row.executions.length).toBe(
				triggerExamples.find((ex) => ex.file === file).sidecar.trigger.executions,
			);
		},
	);
});

describe('editor in a browser', () => {
	test.each(nodeTypes)('%s: added from the node creator, panel shows its parameters', (type) => {
		const result = browser().nodes.find((n) => n.type === type);
		expect(result).toBeDefined();
		expect(result.problems).toEqual([]);
		expect(fs.existsSync(result.screenshot)).toBe(true);
	});

	test.each(examples.map((ex) => [ex.workflow.id, ex.workflow.name]))(
		'imported workflow %s (%s) opens cleanly',
		(id) => {
			const result = browser().workflows.find((w) => w.id === id);
			expect(result).toBeDefined();
			expect(result.problems).toEqual([]);
		},
	);
});
