'use strict';
// Runs the example workflows the way production queue mode runs them: a published workflow
// whose Webhook trigger the main process answers, an execution a worker takes from Redis, run
// data and binary data read back from the shared database through n8n's REST API.
const crypto = require('node:crypto');
const path = require('node:path');
const P = require('../e2e/paths');

// n8n's own codec for stored run data (IRunExecutionData is saved with flatted).
const { parse: parseFlatted } = require(path.join(P.N8N_DIR, 'node_modules', 'flatted'));

const WORKER_LINE_LIMIT_MS = 30_000;

const webhookPath = (workflowId) => `queue-${workflowId}`;

/** A UUID-shaped id that stays the same for the same workflow. */
function stableUuid(seed) {
	const h = crypto.createHash('sha256').update(seed).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The example with its Manual Trigger swapped for a Webhook trigger of the same name (so the
 * connections stay), answering once the last node has run.
 */
function webhookWorkflow(workflow) {
	const triggers = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.manualTrigger');
	// A trigger example already starts from its own webhook.
	if (triggers.length === 0 && workflow.nodes.some((n) => /Trigger$/.test(n.type))) return workflow;
	if (triggers.length !== 1) {
		throw new Error(`${workflow.id}: expected one Manual Trigger, found ${triggers.length}`);
	}
	const nodes = workflow.nodes.map((node) =>
		node === triggers[0]
			? {
					id: node.id,
					name: node.name,
					position: node.position,
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					webhookId: stableUuid(workflow.id),
					parameters: {
						httpMethod: 'POST',
						path: webhookPath(workflow.id),
						responseMode: 'lastNode',
						responseData: 'noData',
						options: {},
					},
				}
			: node,
	);
	return { ...workflow, nodes };
}

async function restJson(cluster, route, { method = 'GET', body } = {}) {
	const res = await fetch(`${cluster.url}/rest${route}`, {
		method,
		headers: { cookie: cluster.cookie, 'Content-Type': 'application/json' },
		body: body && JSON.stringify(body),
	});
	if (!res.ok)
		throw new Error(`${method} /rest${route} answered ${res.status}: ${await res.text()}`);
	return (await res.json()).data;
}

/**
 * Publishes the workflows as the owner, so the main registers their production webhooks.
 * (`import:workflow --activeState=fromJson` cannot: the CLI's user may not publish.)
 */
async function publishAll(cluster, workflowIds) {
	for (const id of workflowIds) {
		const { versionId } = await restJson(cluster, `/workflows/${id}`);
		await restJson(cluster, `/workflows/${id}/activate`, { method: 'POST', body: { versionId } });
	}
}

/** The workflow's executions, newest first. */
async function executionsOf(cluster, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const list = await restJson(cluster, `/executions?filter=${filter}`);
	return [...(list.results ?? [])].sort((a, b) => Number(b.id) - Number(a.id));
}

/** The stored execution in the shape `n8n execute --rawOutput` prints (IRun plus its id). */
async function storedRun(cluster, executionId) {
	const execution = await restJson(cluster, `/executions/${executionId}`);
	const data = typeof execution.data === 'string' ? parseFlatted(execution.data) : execution.data;
	return { ...execution, data };
}

/**
 * Triggers one example through its webhook and waits for its end: the webhook answers after the
 * last node, then the worker's log line. Resolves to {run, executionId, worker}; `worker` is the
 * name of the worker whose log says it ran the execution.
 */
async function runThroughWebhook(cluster, workflowId) {
	const res = await fetch(`${cluster.url}/webhook/${webhookPath(workflowId)}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: '{}',
	});
	const answer = `${res.status} ${(await res.text()).slice(0, 500)}`;
	const [latest] = await executionsOf(cluster, workflowId);
	if (!latest) throw new Error(`the webhook answered ${answer}, but no execution was stored`);
	const executionId = String(latest.id);
	const worker = await workerOf(cluster, executionId);
	const run = await storedRun(cluster, executionId);
	return { run, executionId, worker, answer };
}

/**
 * The name of the worker whose log says it finished the execution. The worker logs this line
 * before it reports the job finished, so it is on its way; the limit only ends the wait when no
 * worker ran the execution (then undefined).
 */
async function workerOf(cluster, executionId) {
	const ranBy = (proc) =>
		proc.output
			.waitFor(new RegExp(`Worker finished execution ${executionId} \\(`), proc.name)
			.then(() => proc.name);
	let timer;
	const noWorker = new Promise((resolve) => (timer = setTimeout(resolve, WORKER_LINE_LIMIT_MS)));
	return await Promise.race([Promise.any(cluster.workers.map(ranBy)), noWorker])
		.catch(() => undefined)
		.finally(() => clearTimeout(timer));
}

/** sha256 of a binary as n8n holds it, downloaded through n8n's REST API (any binary data mode). */
async function binarySha256(cluster, binary) {
	if (!binary) return undefined;
	if (!binary.id)
		return { problem: 'the binary has no id: it was not stored by a binary data manager' };
	const qs = new URLSearchParams({ id: binary.id, action: 'download' });
	const res = await fetch(`${cluster.url}/rest/binary-data?${qs}`, {
		headers: { cookie: cluster.cookie },
	});
	if (!res.ok) return { problem: `n8n answered ${res.status} for binary ${binary.id}` };
	const hash = crypto.createHash('sha256');
	for await (const chunk of res.body) hash.update(chunk);
	return { sha256: hash.digest('hex') };
}

module.exports = {
	webhookWorkflow,
	publishAll,
	runThroughWebhook,
	binarySha256,
	restJson,
	workerOf,
};
