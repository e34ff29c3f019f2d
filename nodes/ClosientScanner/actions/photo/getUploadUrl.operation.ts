import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, operationFields } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { outputItem } from '../../../shared/items';
import { keepBinaryOptionsField, photoTypeField, sessionIdField } from '../fields';
import { requestItemPhotoUpload } from './photoRequest';

const properties: INodeProperties[] = [
	sessionIdField,
	photoTypeField,
	{
		...binaryPropertyField,
		hint: 'The photo to upload later: its file name is sent as original_filename, for the extension',
	},
	keepBinaryOptionsField,
];

export const description = operationFields('photo', 'getUploadUrl', properties);

/** Outputs the presigned POST form as `target` with `s3Key`, and passes the photo on. */
export const execute: ItemOperation = async function (itemIndex) {
	const { target, ...photo } = await requestItemPhotoUpload(this, itemIndex);
	const input = this.getInputData()[itemIndex];
	return outputItem(this, itemIndex, {
		...input.json,
		...photo,
		target: target as unknown as IDataObject,
	});
};
