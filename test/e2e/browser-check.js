'use strict';
// Opens the running n8n editor in Debian's chromium (driven by playwright-core, no browser
// download), adds each node of this package to a new workflow from the node creator, opens its
// parameter panel, saves a screenshot and reports anything that looks broken.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

// What the editor shows when a node type did not load.
const ERROR_TEXTS = [
	/install this node to use it/i,
	/not currently installed/i,
	/install the package to use this node/i,
	/is not valid as its type .* is unknown/i,
	/detailed node info is not available/i,
	/unrecognized node type/i,
	/there was a problem loading/i,
];

function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, 'chromium', 'chromium-browser'].filter(Boolean);
	for (const c of candidates) {
		if (path.isAbsolute(c) && fs.existsSync(c)) return c;
		try {
			return execFileSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' }).trim();
		} catch {
			// next
		}
	}
	throw new Error(
		'chromium not found: run test/e2e/install-chromium.sh (Debian package "chromium")',
	);
}

async function launch() {
	const { chromium, selectors } = require('playwright-core');
	selectors.setTestIdAttribute('data-test-id'); // n8n's attribute
	return chromium.launch({
		executablePath: findChromium(),
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

/**
 * The first page of a freshly started n8n loads its whole editor bundle; on a busy two-core machine
 * that has taken longer than playwright's default 30 s, so the sign-in form gets longer to appear.
 * When it still does not, a screenshot and the page's text say what n8n showed instead.
 */
const FIRST_PAGE_TIMEOUT_MS = 120_000;

async function signIn(page, editor, outDir) {
	await page.goto(`${editor.url}/signin`, { timeout: FIRST_PAGE_TIMEOUT_MS });
	const email = page.locator('input[type=email]').first();
	try {
		await email.waitFor({ timeout: FIRST_PAGE_TIMEOUT_MS });
	} catch (err) {
		await page.screenshot({ path: path.join(outDir, 'signin-error.png') }).catch(() => {});
		const text = await page
			.locator('body')
			.innerText()
			.catch(() => '(no page text)');
		throw new Error(
			`No sign-in form at ${page.url()}: ${text.slice(0, 300)} (${err.message.split('\n')[0]})`,
		);
	}
	await email.fill(editor.owner.email);
	await page.locator('input[type=password]').first().fill(editor.owner.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((u) => !String(u).includes('/signin'), { timeout: 30000 });
}

/** Our node types as the running n8n knows them (auto-generated "...Tool" variants left out). */
async function ourNodeTypes(page, editor, packageName) {
	const res = await page.request.get(`${editor.url}/types/nodes.json`);
	if (!res.ok()) throw new Error(`GET /types/nodes.json answered ${res.status()}`);
	const all = (await res.json()).filter((t) => t.name.startsWith(`${packageName}.`));
	const names = new Set(all.map((t) => t.name));
	const seen = new Set();
	return all.filter((t) => {
		if (t.name.endsWith('Tool') && names.has(t.name.slice(0, -4))) return false;
		if (seen.has(t.name)) return false; // one entry per version is enough
		seen.add(t.name);
		return true;
	});
}

const shortName = (type) => type.name.slice(type.name.indexOf('.') + 1);
const realOptions = (prop) => (prop.options || []).filter((o) => o.value !== '__CUSTOM_API_CALL__');
const isTrigger = (type) => (type.group || []).includes('trigger');

/** The node creator lists a trigger under its app: "Legitmark Trigger" is found as "Legitmark". */
const creatorName = (type) =>
	isTrigger(type) ? type.displayName.replace(/ Trigger$/, '') : type.displayName;

/** The entries the node creator makes of a trigger's Events options: "On state change", … */
function triggerActions(type) {
	const events = type.properties.find((p) => p.name === 'events');
	return events ? realOptions(events).map((o) => `On ${o.name.toLowerCase()}`) : [];
}

function shown(prop, values) {
	const show = prop.displayOptions?.show;
	if (!show) return !prop.displayOptions;
	return Object.entries(show).every(([k, allowed]) => k in values && allowed.includes(values[k]));
}

/** What the panel must show with default values: labels, and each dropdown's options. */
function expectations(type) {
	const values = {};
	for (const p of type.properties)
		if (!(p.name in values) && shown(p, values)) values[p.name] = p.default;
	const visible = type.properties.filter(
		(p) => shown(p, values) && p.type !== 'hidden' && p.type !== 'notice',
	);
	const operation = visible.find((p) => p.name === 'operation');
	const actions = isTrigger(type)
		? triggerActions(type)
		: type.properties
				.filter((p) => p.name === 'operation')
				.flatMap((p) => realOptions(p).map((o) => o.action || o.name));
	return {
		values,
		labels: visible.map((p) => p.displayName),
		dropdowns: visible
			.filter((p) => p.type === 'options')
			.map((p) => ({ name: p.name, options: realOptions(p) })),
		actions,
		defaultAction: operation && realOptions(operation).find((o) => o.value === values.operation),
	};
}

async function pageProblems(scope) {
	const text = await scope.innerText().catch(() => '');
	return ERROR_TEXTS.filter((re) => re.test(text)).map(
		(re) => `editor shows "${text.match(re)[0]}"`,
	);
}

async function brokenImages(scope) {
	return scope.evaluate((el) =>
		[...el.querySelectorAll('img')]
			.filter((i) => i.complete && i.naturalWidth === 0)
			.map((i) => i.src),
	);
}

/** Add one node type from the node creator and check its parameter panel. */
async function checkNode(page, editor, type, outDir) {
	const exp = expectations(type);
	const problems = [];
	const name = shortName(type);
	await page.goto(`${editor.url}/workflow/new`);
	await page.getByTestId('node-creator-plus-button').click();
	const creator = page.getByTestId('node-creator');
	await page.keyboard.type(creatorName(type));
	await creator
		.getByTestId('node-creator-item-name')
		.filter({ hasText: creatorName(type) })
		.first()
		.waitFor();
	await page.keyboard.press('Enter');
	// Community nodes open a details view: "Add to workflow", or their list of actions (for a
	// trigger, "On <event>"). An app with triggers and actions shows its actions folded.
	const add = creator.getByText('Add to workflow', { exact: true });
	const entryText = isTrigger(type)
		? exp.actions[0]
		: exp.defaultAction && (exp.defaultAction.action || exp.defaultAction.name);
	const action = entryText && creator.getByText(entryText, { exact: true });
	const section = creator.getByText(isTrigger(type) ? /^Triggers \(\d+\)$/ : /^Actions \(\d+\)$/);
	await (action || add).or(section).first().waitFor({ timeout: 15000 });
	if (action && !(await action.first().isVisible())) await section.first().click();
	await (action || add).first().waitFor({ timeout: 15000 });
	problems.push(...(await pageProblems(creator)));
	const creatorText = await creator.innerText();
	for (const a of exp.actions)
		if (!creatorText.includes(a)) problems.push(`node creator does not list the action "${a}"`);
	const creatorShot = path.join(outDir, `${name}-creator.png`);
	await page.screenshot({ path: creatorShot });
	await (action || add).first().click();

	const ndv = page.getByTestId('ndv');
	await ndv.getByTestId('node-parameters').waitFor({ timeout: 15000 });
	await page.waitForTimeout(500); // let icons and hints settle
	const panelText = await ndv.innerText();
	// Added from an action, the node is named after the action; otherwise after the node.
	const title = (!isTrigger(type) && exp.defaultAction?.action) || type.displayName;
	if (!panelText.includes(title)) problems.push(`panel title is not "${title}"`);
	for (const label of exp.labels)
		if (!panelText.includes(label)) problems.push(`panel lacks the parameter "${label}"`);
	problems.push(...(await pageProblems(ndv)));
	for (const src of await brokenImages(ndv)) problems.push(`image did not load: ${src}`);
	const screenshot = path.join(outDir, `${name}.png`);
	await page.screenshot({ path: screenshot });

	// Each dropdown lists every option (the operations of a resource/operation node).
	for (const dd of exp.dropdowns) {
		const input = ndv.getByTestId(`parameter-input-${dd.name}`).first();
		if (!(await input.count())) {
			problems.push(`panel has no "${dd.name}" dropdown`);
			continue;
		}
		await input.click();
		const names = dd.options.map((o) => o.name);
		const listed = await page
			.waitForFunction(
				(wanted) =>
					[...document.querySelectorAll('.el-select-dropdown, [role="listbox"]')].some(
						(el) => el.offsetParent !== null && wanted.every((n) => el.innerText.includes(n)),
					),
				names,
				{ timeout: 5000 },
			)
			.then(
				() => true,
				() => false,
			);
		if (!listed)
			problems.push(`the "${dd.name}" dropdown does not list all of: ${names.join(', ')}`);
		if (dd.name === 'operation') {
			await page.screenshot({ path: path.join(outDir, `${name}-operations.png`) });
		}
		await page.keyboard.press('Escape');
		await page.waitForTimeout(300); // the list fades out
	}
	return {
		type: type.name,
		displayName: type.displayName,
		screenshot,
		screenshots: [creatorShot, screenshot],
		labels: exp.labels,
		operations: exp.actions,
		problems,
		ok: problems.length === 0,
	};
}

/** Open an imported workflow and make sure every node of ours renders as a known node. */
async function checkWorkflow(page, editor, workflow, packageName, outDir) {
	const problems = [];
	await page.goto(`${editor.url}/workflow/${workflow.id}`);
	const nodes = page.getByTestId('canvas-node');
	await nodes.first().waitFor({ timeout: 20000 });
	await page.waitForTimeout(800);
	const count = await nodes.count();
	if (count < workflow.nodes.length)
		problems.push(`canvas shows ${count} of ${workflow.nodes.length} nodes`);
	problems.push(...(await pageProblems(page.locator('body'))));
	const screenshot = path.join(outDir, `workflow-${workflow.id}.png`);
	await page.screenshot({ path: screenshot });
	for (const node of workflow.nodes.filter((n) => n.type.startsWith(`${packageName}.`))) {
		await page.getByTestId('canvas-node').filter({ hasText: node.name }).first().dblclick();
		const ndv = page.getByTestId('ndv');
		await ndv.waitFor({ timeout: 15000 });
		await page.waitForTimeout(300);
		problems.push(...(await pageProblems(ndv)).map((p) => `${node.name}: ${p}`));
		if (!(await ndv.getByTestId('node-parameters').count()))
			problems.push(`${node.name}: no parameter panel`);
		await page.keyboard.press('Escape');
		await ndv.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
	}
	return { id: workflow.id, name: workflow.name, screenshot, problems, ok: problems.length === 0 };
}

/**
 * @param {{editor: {url, owner}, packageName: string, expectedNodes?: string[], workflows?: object[], outDir: string}} options
 *   expectedNodes: node type names that must be loaded (from the package's "n8n" field).
 */
async function browserCheck({ editor, packageName, expectedNodes = [], workflows = [], outDir }) {
	fs.rmSync(outDir, { recursive: true, force: true });
	fs.mkdirSync(outDir, { recursive: true });
	const browser = await launch();
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const page = await context.newPage();
		await signIn(page, editor, outDir);
		const types = await ourNodeTypes(page, editor, packageName);
		const missing = expectedNodes.filter((n) => !types.some((t) => t.name === n));
		const nodes = [];
		for (const type of types) {
			try {
				nodes.push(await checkNode(page, editor, type, outDir));
			} catch (err) {
				const screenshot = path.join(outDir, `${shortName(type)}-error.png`);
				await page.screenshot({ path: screenshot }).catch(() => {});
				nodes.push({
					type: type.name,
					displayName: type.displayName,
					screenshot,
					problems: [err.message.split('\n')[0]],
					ok: false,
				});
			}
		}
		const flows = [];
		for (const wf of workflows) {
			try {
				flows.push(await checkWorkflow(page, editor, wf, packageName, outDir));
			} catch (err) {
				flows.push({ id: wf.id, name: wf.name, problems: [err.message.split('\n')[0]], ok: false });
			}
		}
		return { nodes, workflows: flows, missing };
	} finally {
		await browser.close();
	}
}

module.exports = { browserCheck, expectations, findChromium };
