import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { uploadBinary } from '../transfer';
import { keepsBinary, readBinaryPropertyName, readTransferOptions } from './fields';

/** The output for one input item: `json`, the input's binary unless Keep Binary is off, pairedItem. */
export function outputItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	json: IDataObject,
): INodeExecutionData[] {
	const input = ctx.getInputData()[itemIndex];
	return [
		{
			json,
			binary: keepsBinary(ctx, itemIndex) ? input.binary : undefined,
			pairedItem: { item: itemIndex },
		},
	];
}

/**
 * Uploads the item's binary (field from "Input Binary Field") to `target` with the node's transfer
 * options, and outputs the input JSON with `fields` and the `upload` summary added.
 */
export async function uploadItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	target: unknown,
	fields: IDataObject = {},
): Promise<INodeExecutionData[]> {
	const upload = await uploadBinary(ctx, itemIndex, {
		binaryPropertyName: readBinaryPropertyName(ctx, itemIndex),
		target,
		options: readTransferOptions(ctx, itemIndex),
	});
	const input = ctx.getInputData()[itemIndex];
	return outputItem(ctx, itemIndex, {
		...input.json,
		...fields,
		upload: upload as unknown as IDataObject,
	});
}
