import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { toItemError } from './errors';
import { readItemsAtOnce } from './fields';

/** Runs one operation for one input item and returns its output items (pairedItem included). */
export type ItemOperation = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<INodeExecutionData[]>;

/**
 * The input item with `error`, `errorDescription` and `errorHttpCode` added, so the next node can
 * branch on them. The n8n error itself is not attached: n8n would then replace the whole JSON
 * with `{ error }` (WorkflowExecute's normalizeNodeErrors), losing the input and the details.
 */
function errorItem(
	ctx: IExecuteFunctions,
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	const input = ctx.getInputData()[itemIndex];
	const json: JsonObject = { ...input.json, error: error.message };
	if (error.description) json.errorDescription = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.errorHttpCode = error.httpCode;
	return { json, binary: input.binary, pairedItem: { item: itemIndex } };
}

function itemsAtOnce(ctx: IExecuteFunctions): number {
	try {
		return readItemsAtOnce(ctx);
	} catch (error) {
		throw toItemError(ctx.getNode(), error, 0);
	}
}

/**
 * The one item loop every node in this package uses. Up to "Items at Once" items run at the same
 * time; outputs keep input order and pairedItem, exactly as one at a time. With "Continue On Fail"
 * a failed item becomes an error item and the others go on; otherwise the first failure (in input
 * order) stops the node once the items already running have settled. Every failure reaches n8n
 * through `toItemError`.
 */
export async function runItems(
	this: IExecuteFunctions,
	operation: ItemOperation,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const lanes = Math.min(itemsAtOnce(this), items.length);
	const results: INodeExecutionData[][] = new Array(items.length);
	const failures = new Map<number, NodeApiError | NodeOperationError>();
	let next = 0;

	const lane = async () => {
		while (next < items.length && (failures.size === 0 || this.continueOnFail())) {
			const itemIndex = next++;
			try {
				results[itemIndex] = await operation.call(this, itemIndex);
			} catch (error) {
				const nodeError = toItemError(this.getNode(), error, itemIndex);
				if (this.continueOnFail()) results[itemIndex] = [errorItem(this, nodeError, itemIndex)];
				else failures.set(itemIndex, nodeError);
			}
		}
	};
	await Promise.all(Array.from({ length: lanes }, lane));

	if (failures.size > 0) {
		const first = Math.min(...failures.keys());
		throw failures.get(first);
	}
	return [results.flat()];
}

/** A node's operations by resource, then by operation value. */
export type OperationTable = Record<string, Record<string, ItemOperation>>;

/** The `execute` of a node with one operation: runs it for every item. */
export function executeEach(operation: ItemOperation) {
	return async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runItems.call(this, operation);
	};
}

/** The `execute` of a node with resources: runs the chosen resource's operation for every item. */
export function executeRouted(operations: OperationTable) {
	return async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const run = operations[resource]?.[operation];
		if (!run) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operation}" is not known for the resource "${resource}"`,
			);
		}
		return await runItems.call(this, run);
	};
}
