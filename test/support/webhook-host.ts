/**
 * A trigger workflow served over loopback HTTP the way n8n's production webhooks serve it: the
 * request's raw body is kept (`req.rawBody`) next to the parsed JSON, the trigger's `webhook()`
 * runs in n8n-core's real WebhookContext, and the workflow is executed on the real engine with
 * the items the trigger returned, only if it returned any. Static data lives as long as the host,
 * as n8n keeps it between deliveries.
 *
 *   const host = await startWebhookHost(engine, { nodes: [trigger, ...], credentials });
 *   await fetch(host.url, { method: 'POST', headers, body });
 *   host.runs   // one WorkflowRun per started execution, host.answers every HTTP answer
 *
 * The answer is sent once the execution has finished, so a caller that awaited its delivery can
 * read `runs` at once.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IWebhookData, IWebhookDescription, IWebhookResponseData } from 'n8n-workflow';

import type { Engine, WorkflowRun, WorkflowSpec } from './engine';

export interface WebhookAnswer {
	status: number;
	body: string;
}

export interface WebhookHost {
	url: string;
	runs: WorkflowRun[];
	answers: WebhookAnswer[];
	close(): Promise<void>;
}

type ExpressLike = http.ServerResponse & {
	status(code: number): ExpressLike;
	json(body: unknown): ExpressLike;
	send(body: unknown): ExpressLike;
};

function expressResponse(res: http.ServerResponse): ExpressLike {
	const out = res as ExpressLike;
	out.status = (code) => {
		res.statusCode = code;
		return out;
	};
	out.json = (body) => {
		res.setHeader('content-type', 'application/json');
		res.end(JSON.stringify(body));
		return out;
	};
	out.send = (body) => {
		res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
		return out;
	};
	return out;
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function parsedJson(raw: Buffer): unknown {
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		return {};
	}
}

export async function startWebhookHost(engine: Engine, spec: WorkflowSpec): Promise<WebhookHost> {
	/* eslint-disable-next-line @typescript-eslint/no-require-imports */
	const { WebhookContext } = require('n8n-core');
	const { nodes, workflow } = engine.workflowOf(spec);
	const trigger = nodes[0];
	const nodeType = engine.nodeTypes.getByNameAndVersion(trigger.type, trigger.typeVersion);
	const description = nodeType.description.webhooks?.[0] as IWebhookDescription;
	if (!nodeType.webhook || !description) throw new Error(`${trigger.type} is not a webhook node`);
	const runs: WorkflowRun[] = [];
	const answers: WebhookAnswer[] = [];
	let deliveries = 0;

	async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
		const rawBody = await readBody(req);
		const request = Object.assign(req, {
			rawBody,
			body: parsedJson(rawBody),
			params: {},
			query: {},
			header: (name: string) => req.headers[name.toLowerCase()],
		});
		const response = expressResponse(res);
		const additionalData = {
			...engine.additionalDataFor(`delivery${++deliveries}`, nodes, spec.credentials),
			httpRequest: request,
			httpResponse: response,
		};
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: trigger.name,
			path: 'webhook',
			webhookDescription: description,
			workflowId: 'engineTest',
			workflowExecuteAdditionalData: additionalData,
		};
		const context = new WebhookContext(
			workflow,
			trigger,
			additionalData,
			'webhook',
			webhookData,
			[],
			null,
		);
		const result = (await nodeType.webhook!.call(context)) as IWebhookResponseData;
		if (result.workflowData)
			runs.push(await engine.run({ ...spec, startItems: result.workflowData }));
		if (!res.writableEnded) {
			response.status(200).json(result.webhookResponse ?? { message: 'Workflow was started' });
		}
	}

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		const write = res.write.bind(res);
		const end = res.end.bind(res);
		// Keep a copy of every answer for the test to read.
		res.write = ((chunk: Buffer | string, ...rest: never[]) => {
			chunks.push(Buffer.from(chunk));
			return write(chunk, ...rest);
		}) as typeof res.write;
		res.end = ((chunk?: Buffer | string, ...rest: never[]) => {
			if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
			answers.push({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') });
			return end(chunk as Buffer, ...rest);
		}) as typeof res.end;
		handle(req, res).catch((error: Error) => {
			if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
			if (!res.writableEnded) res.end(error.message);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/engine-test/webhook`,
		runs,
		answers,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
