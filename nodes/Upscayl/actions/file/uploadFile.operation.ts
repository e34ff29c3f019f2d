import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, operationFields } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { uploadOptionsField } from '../fields';
import { uploadAndComplete } from './uploadAndComplete';

const properties: INodeProperties[] = [
	{ ...binaryPropertyField, hint: 'The image to upload: JPEG, PNG or WebP, at most 100 MB' },
	uploadOptionsField,
];

export const description = operationFields('file', 'uploadFile', properties);

/** Gets the part URLs, uploads the image in parts and completes the upload, in one step. */
export const execute: ItemOperation = async function (itemIndex) {
	return [await uploadAndComplete(this, itemIndex)];
};
