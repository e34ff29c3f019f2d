import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { registerUploaded } from '../../../shared/afterUpload';
import { withFreshUrlOnExpiry } from '../../../shared/freshUrl';
import { readTransferOptions } from '../../../shared/fields';
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
	readTransferOptions(ctx, itemIndex); // checked here too, so that a bad option fails before any request
	const {
		ticket: { uploadId, path },
		result: [item],
	} = await withFreshUrlOnExpiry(
		async () => await requestUpload(ctx, itemIndex),
		async ({ target, uploadId, path, file }) =>
			await uploadItem(ctx, itemIndex, target, { uploadId, path, file }),
	);
	const upload = item.json.upload as unknown as UploadResult;
	const completed = await registerUploaded(
		{
			provider: 'Upscayl',
			step: 'Complete Multipart Upload',
			bytes: upload.bytes,
			sha256: upload.sha256,
			partsOnly: true,
			resume: `complete it with Complete Upload, upload ID ${uploadId}, path ${path} and the part ETags ${JSON.stringify(upload.etags ?? [])}.`,
		},
		async () =>
			await completeUpload(ctx, { uploadId, path, parts: completedParts(upload.etags ?? []) }),
	);
	return { ...item, json: { ...item.json, completed: completed as IDataObject } };
}
