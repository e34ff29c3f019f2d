import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ApiError } from '../../../shared/errors';
import { asObject, nonEmptyText } from '../../../transfer';
import type { MediaType } from '../../helpers/mediaTypes';
import { sivi } from '../../transport';

export interface RegisteredMedia {
	mediaId: string;
	media: IDataObject;
}

/**
 * Create Media with fields read by readCreateMediaFields (before any request): registers an uploaded file by its
 * presigned URL; until then Sivi does not see it.
 */
export async function createMedia(
	this: IExecuteFunctions,
	type: MediaType,
	uploadUrl: string,
	fields: IDataObject,
): Promise<RegisteredMedia> {
	const answer = await sivi(this, {
		method: 'POST',
		path: '/media/create',
		body: { type, uploadUrl, ...fields },
	});
	const media = asObject(answer.media);
	const mediaId = nonEmptyText(media?.mId);
	if (!media || !mediaId) {
		throw new ApiError('Sivi answered Create Media without a media ID', {
			description: 'The answer had no body.media.mId.',
		});
	}
	return { mediaId, media };
}
