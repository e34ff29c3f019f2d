import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { outputItem } from '../../../shared/items';

export const SKIPPED_AS_STORED = 'Screening Eagle already stores this file (same hash and asset)';

/** The output of an item Screening Eagle already has: passed on without an upload, saying so. */
export function passOnStored(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject = {},
): INodeExecutionData[] {
	const input = ctx.getInputData()[itemIndex];
	return outputItem(ctx, itemIndex, {
		...input.json,
		...fields,
		uploadSkipped: true,
		uploadSkippedReason: SKIPPED_AS_STORED,
	});
}
