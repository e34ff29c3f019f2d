import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { uploadItem } from '../../../shared/items';
import type { UploadResult } from '../../../transfer';
import { completedParts, completeUpload, requestUpload } from './upload';

/**
 * Get the part URLs, upload every part, complete the upload: Upload File, and the first half of
 * Upscale File. A failed part stops here, so an upload is never completed half.
 */
export async function uploadAndComplete(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData> {
	const { target, uploadId, path, file } = await requestUpload(ctx, itemIndex);
	const [item] = await uploadItem(ctx, itemIndex, target, { uploadId, path, file });
	const upload = item.json.upload as unknown as UploadResult;
	const completed = await completeUpload(ctx, {
		uploadId,
		path,
		parts: completedParts(upload.etags ?? []),
	});
	return { ...item, json: { ...item.json, completed: completed as IDataObject } };
}
