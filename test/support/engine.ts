/**
 * Runs workflows in-process on n8n-core's real WorkflowExecute, with n8n's real binary data
 * service (filesystem mode or the inline default mode) and a credentials helper that applies
 * generic credential authentication the way n8n does.
 *
 *   const engine = await startEngine('filesystem');           // once per test file
 *   afterAll(() => engine.dispose());                          // its binary data goes with it
 *   const run = await engine.run({ nodes, connections, credentials: { legitmarkApi: {...} } });
 *   run.output('Upload')  // items of that node's first output; run.error(name) its error
 *
 * Node types known to the engine: every node of this package plus the test nodes `binarySource`
 * and `setFields` (test/support/test-nodes.ts), `digestProbe` and `downloadProbe`
 * (test/support/transfer-probes.ts). Node `type` is the bare name, e.g. 'presignedUpload'.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IConnections,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { BinarySource, SetFields } from './test-nodes';
import { DigestProbe, DownloadProbe } from './transfer-probes';
import { packageCredentials, packageNodes } from './package-types';

export type BinaryMode = 'filesystem' | 'default';

/** A node of a test workflow: id, position and typeVersion are filled in. */
export type NodeSpec = Partial<INode> & Pick<INode, 'name' | 'type' | 'parameters'>;

export interface WorkflowSpec {
	nodes: NodeSpec[];
	/** node name → names of the nodes it feeds, in order; a shorthand for n8n's connections. */
	chain?: string[];
	connections?: IConnections;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Called once the execution has started, with the function that cancels it. */
	cancelWhen?: (cancel: () => void) => void;
	/** The first node's input: what a trigger's webhook() returned, as n8n starts the run with it. */
	startItems?: INodeExecutionData[][];
}

export interface WorkflowRun {
	raw: IRun;
	output(nodeName: string): INodeExecutionData[];
	error(nodeName: string): Error | undefined;
}

function nodeTypesOf(types: Record<string, INodeType | IVersionedNodeType>): INodeTypes {
	return {
		getByName: (name) => types[name.split('.').pop()!],
		getByNameAndVersion: (name, version) =>
			NodeHelpers.getVersionedNodeType(types[name.split('.').pop()!], version),
		getKnownTypes: () => ({}),
	};
}

/** A workflow with no nodes of note, only to lend n8n's expression engine to credential values. */
const expressionHost = new Workflow({
	nodes: [
		{ id: '1', name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} },
	],
	connections: {},
	active: false,
	nodeTypes: {
		getByName: () => ({ description: { properties: [] } }),
		getByNameAndVersion: () => ({ description: { properties: [] } }),
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes,
});

/** A credential's `={{ $credentials.… }}` value resolved by n8n's own expression engine. */
function resolveCredentialExpression(
	value: string,
	credentials: ICredentialDataDecryptedObject,
): string {
	if (!value.startsWith('=')) return value;
	const resolved = expressionHost.expression.getParameterValue(
		value,
		null,
		0,
		0,
		'Test',
		[],
		'internal',
		{ $credentials: credentials },
	);
	return String(resolved ?? '');
}

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
		private readonly types: Record<string, ICredentialType>,
	) {
		super();
	}

	getParentTypes = () => [];
	isCredentialUsableByNode = () => true;
	preAuthentication = async () => undefined;
	runPreAuthentication = async () => undefined;
	getCredentials = async () => {
		throw new Error('not used in tests');
	};
	updateCredentials = async () => {};
	updateCredentialsOauthTokenData = async () => {};
	getCredentialsProperties = (type: string) => this.types[type]?.properties ?? [];

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_node: unknown,
		type: string,
	) {
		const data = this.data[type];
		if (!data) throw new Error(`No test credentials for ${type}`);
		return data;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		options: IHttpRequestOptions,
	) {
		const authenticate = this.types[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		if (!authenticate) return options;
		const { headers = {}, qs = {} } = authenticate.properties;
		const resolve = (values: Record<string, unknown>) =>
			Object.fromEntries(
				Object.entries(values).map(([key, value]) => [
					key,
					resolveCredentialExpression(String(value), credentials),
				]),
			);
		return {
			...options,
			headers: { ...options.headers, ...resolve(headers) },
			qs: { ...(options.qs ?? {}), ...resolve(qs) },
		};
	}
}

/**
 * A credential's declared test request as n8n sends it: the credential's own `authenticate`
 * applied, `{{$credentials.…}}` expressions resolved. Returns the URL and headers to send.
 */
export async function credentialTestRequest(
	typeName: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<{ url: URL; method: string; headers: Record<string, string>; body?: string }> {
	const types = packageCredentials();
	const request = types[typeName]?.test?.request;
	if (!request) throw new Error(`${typeName} declares no test request`);
	const options = await new TestCredentialsHelper({}, types).authenticate(credentials, typeName, {
		url: request.url ?? '',
		method: request.method ?? 'GET',
		headers: {},
		qs: (request.qs ?? {}) as IHttpRequestOptions['qs'],
		body: request.body,
	});
	const baseUrl = resolveCredentialExpression(request.baseURL ?? '', credentials);
	const url = new URL(`${baseUrl}${options.url}`);
	for (const [name, value] of Object.entries(options.qs ?? {})) {
		url.searchParams.set(name, resolveCredentialExpression(String(value), credentials));
	}
	const headers = Object.fromEntries(
		Object.entries(options.headers ?? {}).map(([name, value]) => [name, String(value)]),
	);
	if (options.body === undefined) return { url, method: options.method ?? 'GET', headers };
	// n8n sends a declared body as JSON.
	headers['Content-Type'] ??= 'application/json';
	return { url, method: options.method ?? 'GET', headers, body: JSON.stringify(options.body) };
}

function connectionsOf(chain: string[]): IConnections {
	const connections: IConnections = {};
	for (let i = 0; i + 1 < chain.length; i++) {
		connections[chain[i]] = { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

/** For hooks that start the engine or servers: loading n8n-core takes seconds, far more on a busy machine. */
export const SETUP_TIMEOUT_MS = 120_000;

export async function startEngine(mode: BinaryMode) {
	// n8n-core reads its configuration from the environment when it is first loaded.
	const userFolder = mkdtempSync(path.join(tmpdir(), 'presigned-engine-'));
	process.env.N8N_USER_FOLDER = userFolder;
	process.env.N8N_DEFAULT_BINARY_DATA_MODE = mode;
	process.env.N8N_LOG_LEVEL = 'silent';
	/* eslint-disable @typescript-eslint/no-require-imports */
	const { Container } = require('@n8n/di');
	const core = require('n8n-core');
	/* eslint-enable @typescript-eslint/no-require-imports */
	await Container.get(core.BinaryDataService).init();

	const nodeTypes = nodeTypesOf({
		...packageNodes(),
		binarySource: new BinarySource(),
		setFields: new SetFields(),
		digestProbe: new DigestProbe(),
		downloadProbe: new DownloadProbe(),
	});
	let executions = 0;

	/** What n8n hands every node of an execution: URLs, hooks and the credentials. */
	function additionalDataFor(
		executionId: string,
		nodes: INode[],
		credentials: Record<string, ICredentialDataDecryptedObject> = {},
	): IWorkflowExecuteAdditionalData {
		const hooks = new core.ExecutionLifecycleHooks('manual', executionId, {
			id: 'engineTest',
			nodes,
			connections: {},
		});
		return {
			hooks,
			executionId,
			restApiUrl: 'http://127.0.0.1/rest',
			instanceBaseUrl: 'http://127.0.0.1/',
			formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
			webhookBaseUrl: 'http://127.0.0.1/webhook',
			webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
			webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
			variables: {},
			credentialsHelper: new TestCredentialsHelper(credentials, packageCredentials()),
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	/** A spec's nodes with id, position and typeVersion, and its workflow. */
	function workflowOf(spec: WorkflowSpec): { nodes: INode[]; workflow: Workflow } {
		const nodes: INode[] = spec.nodes.map((node, index) => ({
			id: `node${index}`,
			typeVersion: 1,
			position: [index * 200, 0],
			...node,
		}));
		const workflow = new Workflow({
			id: 'engineTest',
			name: 'engine test',
			nodes,
			connections: spec.connections ?? connectionsOf(spec.chain ?? nodes.map((node) => node.name)),
			active: false,
			nodeTypes,
			staticData: {},
			settings: {},
		});
		return { nodes, workflow };
	}

	async function run(spec: WorkflowSpec): Promise<WorkflowRun> {
		const executionId = `exec${++executions}`;
		const { nodes, workflow } = workflowOf(spec);
		const additionalData = additionalDataFor(executionId, nodes, spec.credentials);
		const runData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [
					{ node: nodes[0], data: { main: spec.startItems ?? [[{ json: {} }]] }, source: null },
				],
			},
		});
		const execution = new core.WorkflowExecute(
			additionalData,
			'manual',
			runData,
		).processRunExecutionData(workflow);
		spec.cancelWhen?.(() => execution.cancel());
		const raw: IRun = await execution;
		const nodeRun = (name: string) => raw.data.resultData.runData[name]?.[0];
		return {
			raw,
			output: (name) => nodeRun(name)?.data?.main?.[0] ?? [],
			error: (name) => nodeRun(name)?.error,
		};
	}

	/** Removes the user folder, where filesystem-mode binary data of every run lives. */
	function dispose() {
		rmSync(userFolder, { recursive: true, force: true });
	}

	return { run, workflowOf, additionalDataFor, nodeTypes, dispose };
}

export type Engine = Awaited<ReturnType<typeof startEngine>>;
