import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { keepsBinary } from '../../../shared/descriptions';

/** A service request as the item's output, with the input binary unless the user drops it. */
export function serviceRequestItem(
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
