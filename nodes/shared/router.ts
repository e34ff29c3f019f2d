import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { toNodeError } from '../transfer';

/** Runs one operation for one input item and returns its output items (pairedItem included). */
export type ItemOperation = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<INodeExecutionData[]>;

/** The name of the "Items at Once" option in every node's Options collection. */
export const ITEMS_AT_ONCE_PARAMETER = 'options.itemsAtOnce';

function errorItem(
	ctx: IExecuteFunctions,
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	const input = ctx.getInputData()[itemIndex];
	const json: JsonObject = { ...input.json, error: error.message };
	if (error.description) json.errorDescription = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.errorHttpCode = error.httpCode;
	return { json, binary: input.binary, error, pairedItem: { item: itemIndex } };
}

/**
 * The one item loop every node in this package uses. Up to "Items at Once" items run at the same
 * time; outputs keep input order and pairedItem, exactly as one at a time. With "Continue On Fail"
 * a failed item becomes an error item and the others go on; otherwise the first failure (in input
 * order) stops the node once the items already running have settled.
 */
export async function runItems(
	this: IExecuteFunctions,
	operation: ItemOperation,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const itemsAtOnce = Math.max(
		1,
		Math.floor(Number(this.getNodeParameter(ITEMS_AT_ONCE_PARAMETER, 0, 1)) || 1),
	);
	const results: INodeExecutionData[][] = new Array(items.length);
	const failures = new Map<number, NodeApiError | NodeOperationError>();
	let next = 0;

	const lane = async () => {
		while (next < items.length && (failures.size === 0 || this.continueOnFail())) {
			const itemIndex = next++;
			try {
				results[itemIndex] = await operation.call(this, itemIndex);
			} catch (error) {
				const nodeError = toNodeError(this.getNode(), error, itemIndex);
				if (this.continueOnFail()) results[itemIndex] = [errorItem(this, nodeError, itemIndex)];
				else failures.set(itemIndex, nodeError);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(itemsAtOnce, items.length) }, lane));

	if (failures.size > 0) {
		const first = Math.min(...failures.keys());
		throw failures.get(first);
	}
	return [results.flat()];
}
