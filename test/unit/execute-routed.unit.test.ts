// A node with resources runs the chosen resource's operation, and names a pair it does not know.
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { executeRouted, type OperationTable } from '../../nodes/shared/itemLoop';

function context(parameters: Record<string, string>): IExecuteFunctions {
	return {
		getNodeParameter: (name: string, _item: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getInputData: () => [{ json: { n: 1 } }],
		getNode: () => ({
			name: 'Example',
			type: 'example',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		continueOnFail: () => false,
	} as unknown as IExecuteFunctions;
}

const operations: OperationTable = {
	file: {
		upload: async (itemIndex) => [
			{ json: { uploaded: itemIndex }, pairedItem: { item: itemIndex } },
		],
	},
};

describe('executeRouted', () => {
	it("runs the chosen resource's operation for every item", async () => {
		const execute = executeRouted(operations);
		await expect(execute.call(context({ resource: 'file', operation: 'upload' }))).resolves.toEqual(
			[[{ json: { uploaded: 0 }, pairedItem: { item: 0 } }]],
		);
	});

	it.each([
		['an operation the resource lacks', { resource: 'file', operation: 'delete' }],
		['a resource the node lacks', { resource: 'folder', operation: 'upload' }],
	])('refuses %s, naming both', async (_case, parameters) => {
		const execute = executeRouted(operations);
		const failure = await execute.call(context(parameters)).catch((error: unknown) => error);

		expect(failure).toBeInstanceOf(NodeOperationError);
		expect((failure as NodeOperationError).message).toBe(
			`The operation "${parameters.operation}" is not known for the resource "${parameters.resource}"`,
		);
	});
});
