// The credential test request's base URL as n8n resolves it: with n8n's own expression engine.
import { Workflow, type INodeTypes } from 'n8n-workflow';

import { SiviApi } from '../../../credentials/SiviApi.credentials';

const noNodeTypes = {
	getByName: () => ({ description: { properties: [] } }),
	getByNameAndVersion: () => ({ description: { properties: [] } }),
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

const workflow = new Workflow({
	nodes: [
		{ id: '1', name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} },
	],
	connections: {},
	active: false,
	nodeTypes: noNodeTypes,
});

export const credential = new SiviApi();

/** The URL n8n calls when the user tests the credential. */
export function testRequestUrl(credentials: { baseUrl: string; apiPlan: string }): string {
	const { baseURL, url } = credential.test.request;
	const base = workflow.expression.getParameterValue(baseURL!, null, 0, 0, 'Test', [], 'internal', {
		$credentials: credentials,
	});
	return `${String(base)}${url}`;
}
