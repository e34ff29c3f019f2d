import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ApiRequest } from '../../../shared/apiClient';
import { screeningEagle } from '../../transport';

/** Sends the Complete File Upload call (see readCompleteRequest) and returns the output fields. */
export async function completeFile(
	ctx: IExecuteFunctions,
	request: ApiRequest<'api'>,
): Promise<IDataObject> {
	const answer = await screeningEagle.request(ctx, request);
	return { completed: true, complete: answer };
}

/** Whether to complete a file Screening Eagle reported as already stored (option, default no). */
export function completesAlreadyUploaded(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return ctx.getNodeParameter('options.completeWhenAlreadyUploaded', itemIndex, false) === true;
}
