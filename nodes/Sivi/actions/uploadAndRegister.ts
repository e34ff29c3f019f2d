import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { registerUploaded } from '../../shared/afterUpload';
import { readTransferOptions } from '../../shared/fields';
import { withFreshUrlOnExpiry } from '../../shared/freshUrl';
import { uploadItem } from '../../shared/items';
import type { UploadResult } from '../../transfer';
import type { UploadType } from '../helpers/mediaTypes';
import { requestPresignedUpload, withoutQuery } from './presignedUpload';

/**
 * Upload File of either kind: a presigned URL for `type` (a fresh one once if it expired), the
 * PUT, then `register` with the whole presigned URL, which is never repeated blindly (`step`
 * names it in the error that says what state the file is in).
 */
export async function uploadAndRegister<T>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	type: UploadType,
	step: string,
	register: (uploadUrl: string) => Promise<T>,
): Promise<{ item: INodeExecutionData; fileName?: string; fileUrl: string; registered: T }> {
	readTransferOptions(ctx, itemIndex); // checked here too, so that a bad option fails before any request
	const {
		ticket: presigned,
		result: [item],
	} = await withFreshUrlOnExpiry(
		async () => await requestPresignedUpload.call(ctx, itemIndex, type),
		async (ticket) => await uploadItem(ctx, itemIndex, ticket.target),
	);
	const fileUrl = withoutQuery(presigned.uploadUrl);
	const upload = item.json.upload as unknown as UploadResult;
	const registered = await registerUploaded(
		{
			provider: 'Sivi',
			step,
			bytes: upload.bytes,
			sha256: upload.sha256,
			resume: `register it with Complete Upload (${step}) and the URL ${fileUrl}.`,
		},
		async () => await register(presigned.uploadUrl),
	);
	return { item, fileName: presigned.fileName, fileUrl, registered };
}
