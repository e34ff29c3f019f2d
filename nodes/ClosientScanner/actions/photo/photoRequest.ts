import type { IExecuteFunctions } from 'n8n-workflow';

import { readBinaryPropertyName } from '../../../shared/fields';
import { assertPhotoType } from '../../helpers/photoTypes';
import {
	originalFilenameOf,
	requestPhotoUpload,
	type PhotoUpload,
} from '../../helpers/photoUpload';
import { readSessionId } from '../fields';

/** Checks the item's session, photo type and binary, then asks Closient where to upload it. */
export async function requestItemPhotoUpload(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<PhotoUpload> {
	const sessionId = readSessionId(ctx, itemIndex);
	const photoType = assertPhotoType(ctx.getNodeParameter('photoType', itemIndex));
	const binaryPropertyName = readBinaryPropertyName(ctx, itemIndex);
	const binary = ctx.helpers.assertBinaryData(itemIndex, binaryPropertyName);
	return await requestPhotoUpload(ctx, {
		sessionId,
		photoType,
		originalFilename: originalFilenameOf(binary),
	});
}
