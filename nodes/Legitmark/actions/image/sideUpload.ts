import type { IExecuteFunctions } from 'n8n-workflow';

import { ApiError } from '../../../shared/errors';
import { readBinaryPropertyName } from '../../../shared/fields';
import { nonEmptyText, presignedUrlExpiry, type PutTarget } from '../../../transfer';
import { assertUuid } from '../../helpers/ids';
import { CONTENT_TYPE_BY_EXTENSION, sideExtensionOf } from '../../helpers/sideFile';
import { uploadHeadersFor } from '../../helpers/uploadHeaders';
import { legitmark } from '../../transport';
import { readServiceRequestId } from '../fields';

export interface SideUpload {
	serviceRequestId: string;
	sideId: string;
	/** The intent's `side` parameter: the side UUID with the binary's extension. */
	side: string;
	target: PutTarget;
}

/** The upload target for the item's photo on one side: checks the inputs, then asks /intent. */
export async function requestSideUpload(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<SideUpload> {
	const serviceRequestId = readServiceRequestId(this, itemIndex);
	const sideId = assertUuid(this.getNodeParameter('sideId', itemIndex), 'Side ID');
	const binaryPropertyName = readBinaryPropertyName(this, itemIndex);
	const binary = this.helpers.assertBinaryData(itemIndex, binaryPropertyName);
	const extension = sideExtensionOf(binary, binaryPropertyName);
	const side = `${sideId}.${extension}`;

	const answer = await legitmark.request(this, {
		method: 'GET',
		host: 'asset',
		path: '/intent',
		qs: { sr: serviceRequestId, side },
	});
	const url = nonEmptyText(answer.url);
	if (!url) throw new ApiError('Legitmark answered the upload intent without a URL');
	const expiry = presignedUrlExpiry(url);
	return {
		serviceRequestId,
		sideId,
		side,
		target: {
			method: 'PUT',
			url,
			headers: uploadHeadersFor(url, CONTENT_TYPE_BY_EXTENSION[extension]),
			expiresAt: expiry?.toISOString(),
		},
	};
}
