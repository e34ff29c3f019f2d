import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readBinaryPropertyName } from '../../shared/fields';
import type { PutTarget } from '../../transfer';
import { describeFile, fileExtensionOf } from '../helpers/fileExtension';
import {
	assertExtensionAllowed,
	CONTENT_TYPE_BY_EXTENSION,
	type UploadType,
} from '../helpers/mediaTypes';
import { targetOf } from '../helpers/target';
import { sivi } from '../transport';
import { readExpiresIn, readOwnerFields } from './fields';

export interface PresignedUpload {
	type: UploadType;
	extension: string;
	contentType: string;
	/** The file name Sivi gave the object. */
	fileName?: string;
	/** The whole presigned URL: Create Media and Upload Fonts take it as it is. */
	uploadUrl: string;
	target: PutTarget;
}

/**
 * Asks Sivi where to upload the item's binary as `type`. The extension comes from the binary and
 * is checked against the type before any request.
 */
export async function requestPresignedUpload(
	this: IExecuteFunctions,
	itemIndex: number,
	type: UploadType,
): Promise<PresignedUpload> {
	const field = readBinaryPropertyName(this, itemIndex);
	const binary = this.helpers.assertBinaryData(itemIndex, field);
	const extension = assertExtensionAllowed(
		type,
		fileExtensionOf(binary),
		field,
		describeFile(binary),
	);
	const contentType = CONTENT_TYPE_BY_EXTENSION[extension];
	const body: IDataObject = { type, extension, contentType, ...readOwnerFields(this, itemIndex) };
	const expiresIn = readExpiresIn(this, itemIndex);
	if (expiresIn !== undefined) body.expiresIn = expiresIn;

	const answer = await sivi(this, {
		method: 'POST',
		path: '/files/get-presigned-url',
		body,
		retrySafe: true,
	});
	const target = targetOf(answer);
	const fileName = typeof answer.fileName === 'string' ? answer.fileName : undefined;
	return { type, extension, contentType, fileName, uploadUrl: target.url, target };
}

/** The file's address without the signature: safe to output once the upload is registered. */
export function withoutQuery(url: string): string {
	return url.split('?')[0];
}
