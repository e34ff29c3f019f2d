import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationFields, readNumber } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { InputError } from '../../../shared/errors';
import { outputItem } from '../../../shared/items';
import { nonEmptyText } from '../../../transfer';
import { assertPhotoType, PHOTO_TYPES } from '../../helpers/photoTypes';
import { registerPhoto } from '../../helpers/photoUpload';
import {
	keepBinaryOptionsField,
	readRegisterFields,
	readSessionId,
	registerFieldsField,
	sessionIdField,
} from '../fields';

const MAX_FILE_SIZE = { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true };

const properties: INodeProperties[] = [
	{ ...sessionIdField, default: '={{ $json.sessionId }}' },
	{
		displayName: 'S3 Key',
		name: 's3Key',
		type: 'string',
		default: '={{ $json.s3Key }}',
		required: true,
		description: 'The s3_key from Get Upload URL: where the photo was uploaded',
	},
	{
		displayName: 'Photo Type',
		name: 'photoType',
		type: 'string',
		default: '={{ $json.photoType }}',
		required: true,
		hint: `One of ${PHOTO_TYPES.join(', ')}`,
		description: 'The photo type asked for in Get Upload URL',
	},
	{
		displayName: 'Original Filename',
		name: 'originalFilename',
		type: 'string',
		default: '={{ $json.originalFilename }}',
		description: "The photo's file name; may be empty",
	},
	{
		displayName: 'File Size (Bytes)',
		name: 'fileSize',
		type: 'string',
		default: '={{ $json.upload.bytes }}',
		description:
			'The uploaded size, from the upload summary of Upload Binary. Closient compares it with the stored object. Empty sends none.',
	},
	registerFieldsField,
	keepBinaryOptionsField,
];

export const description = operationFields('photo', 'complete', properties);

function readFileSize(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	const raw = ctx.getNodeParameter('fileSize', itemIndex, '') as unknown;
	if (raw === undefined || raw === null || raw === '') return undefined;
	return readNumber(ctx, itemIndex, 'fileSize', 'File Size (Bytes)', 0, MAX_FILE_SIZE);
}

/** Register Photo: the uploaded photo counts for the session once it is registered. */
export const execute: ItemOperation = async function (itemIndex) {
	const sessionId = readSessionId(this, itemIndex);
	const s3Key = nonEmptyText(this.getNodeParameter('s3Key', itemIndex));
	if (!s3Key) {
		throw new InputError(
			'S3 Key',
			'"S3 Key" must not be empty',
			'Map the s3Key output of Get Upload URL.',
		);
	}
	const photo = await registerPhoto(this, {
		sessionId,
		s3Key,
		photoType: assertPhotoType(this.getNodeParameter('photoType', itemIndex)),
		originalFilename: String(this.getNodeParameter('originalFilename', itemIndex, '') ?? ''),
		fileSize: readFileSize(this, itemIndex),
		extra: readRegisterFields(this, itemIndex),
	});
	return outputItem(this, itemIndex, { sessionId, ...photo });
};
