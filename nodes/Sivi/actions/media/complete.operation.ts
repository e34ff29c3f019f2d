import type { INodeProperties } from 'n8n-workflow';

import { operationFields } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { outputItem } from '../../../shared/items';
import { MEDIA_ONLY_TYPES, type MediaType } from '../../helpers/mediaTypes';
import {
	abstractUserIdField,
	additionalFields,
	brandIdField,
	keepBinaryOptionsField,
	readType,
	readUploadUrl,
	typeField,
	uploadUrlField,
} from '../fields';
import { createMedia } from './createMedia';
import { createMediaFieldOptions, readCreateMediaFields } from './createMediaFields';

const properties: INodeProperties[] = [
	typeField(MEDIA_ONLY_TYPES, 'The type the file was uploaded as'),
	uploadUrlField('uploadUrl', 'Upload URL', 'The presigned URL the file was uploaded to'),
	additionalFields([brandIdField, abstractUserIdField, ...createMediaFieldOptions]),
	keepBinaryOptionsField,
];

export const description = operationFields('media', 'complete', properties);

/** Create Media for a file already uploaded: outputs the media ID and record. */
export const execute: ItemOperation = async function (itemIndex) {
	const type = readType(this, itemIndex, MEDIA_ONLY_TYPES) as MediaType;
	const uploadUrl = readUploadUrl(this, itemIndex, 'uploadUrl', 'Upload URL');
	const fields = readCreateMediaFields(this, itemIndex, type);
	const registered = await createMedia.call(this, type, uploadUrl, fields);
	const input = this.getInputData()[itemIndex];
	return outputItem(this, itemIndex, { ...input.json, ...registered });
};
