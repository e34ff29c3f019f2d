'use strict';
// Trigger examples (a sidecar with `trigger`, see README.md) run in the running n8n editor
// instance, not through `n8n execute`: the workflow was published before n8n started, the
// sidecar's deliver() sends events to its production webhook URL, and the executions n8n made
// of them are read back through n8n's REST API and handed to the sidecar's check().
const path = require('node:path');
const P = require('./paths');

// n8n stores an execution's run data as flatted JSON; the package is one of n8n's own.
const flatted = require(path.join(P.N8N_DIR, 'node_modules', 'flatted'));

const isTriggerExample = (example) => Boolean(example.sidecar.trigger);

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Signs in as the owner; returns a fetch for the REST API with the session cookie. */
async function restClient(editor) {
	const res = await fetch(`${editor.url}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({
			emailOrLdapLoginId: editor.owner.email,
			password: editor.owner.password,
		}),
	});
	if (!res.ok) throw new Error(`POST /rest/login answered ${res.status}`);
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	return async (route) => {
		const answer = await fetch(`${editor.url}/rest${route}`, { headers: { cookie } });
		if (!answer.ok) throw new Error(`GET /rest${route} answered ${answer.status}`);
		return (await answer.json()).data;
	};
}

/**
 * Repeats `look` until it returns a value, at most `timeoutMs` long. The events waited for here
 * (n8n activating the webhook, finishing executions) happen in another process and have no
 * notification to subscribe to, so they are looked for.
 */
async function lookUntil(what, look, { timeoutMs = 120_000, intervalMs = 250 } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await look();
		if (value !== undefined) return value;
		if (Date.now() > deadline)
			throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
		await pause(intervalMs);
	}
}

/** The published workflow's webhook answers an unsigned call with our 401 once n8n registered it. */
async function webhookRegistered(webhookUrl) {
	await lookUntil(`n8n registering ${webhookUrl}`, async () => {
		const res = await fetch(webhookUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: '{}',
		}).catch(() => undefined);
		return res?.status === 401 ? true : undefined;
	});
}

function executionView(execution, runData) {
	const nodeItems = (name) => runData[name]?.[0]?.data?.main?.[0];
	const triggerName =
		Object.keys(runData).find((name) => runData[name]?.[0]?.source?.length === 0) ??
		Object.keys(runData)[0];
	return {
		id: execution.id,
		status: execution.status,
		trigger: nodeItems(triggerName)?.[0]?.json,
		branches: Object.keys(runData).filter((name) => (nodeItems(name) ?? []).length > 0),
		items: nodeItems,
	};
}

/**
 * Delivers a trigger example's events and checks the executions n8n made of them. `rest` reads
 * n8n's REST API (default: signed in as the editor's owner).
 */
async function runTriggerExample({ editor, sandbox, example, rest: restGiven }) {
	const { trigger } = example.sidecar;
	const row = { file: example.file, id: example.workflow.id, failures: [], executions: [] };
	try {
		const webhookUrl = `${editor.url}/webhook/${trigger.path}`;
		await webhookRegistered(webhookUrl);
		const rest = restGiven ?? (await restClient(editor));
		const delivered = await trigger.deliver({ sandbox, webhookUrl });
		const filter = encodeURIComponent(JSON.stringify({ workflowId: example.workflow.id }));
		const finished = await lookUntil(`${trigger.executions} finished executions`, async () => {
			const list = (await rest(`/executions?filter=${filter}&limit=100`)).results;
			const done = list.filter(
				(e) => e.finished || ['success', 'error', 'crashed'].includes(e.status),
			);
			return done.length >= trigger.executions && done.length === list.length ? list : undefined;
		});
		for (const summary of finished) {
			const execution = await rest(`/executions/${summary.id}`);
			const data =
				typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data;
			row.executions.push(executionView(execution, data?.resultData?.runData ?? {}));
		}
		await trigger.check({ executions: row.executions, delivered, sandbox });
	} catch (err) {
		row.failures.push(err.message);
	}
	return row;
}

module.exports = { isTriggerExample, runTriggerExample };
