import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, operationFields, uploadTargetField } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { uploadItem } from '../../../shared/items';
import { uploadOptionsField } from '../fields';

const properties: INodeProperties[] = [
	binaryPropertyField,
	uploadTargetField(
		'The target from Get Upload URL',
		"Where to upload: { method: 'MULTIPART', parts: [{ partNumber, URL }], partSize }. The file is cut into parts of exactly partSize bytes.",
	),
	uploadOptionsField,
];

export const description = operationFields('file', 'uploadBinary', properties);

/** Uploads the item's image part by part; the output's `upload.etags` feed Complete Upload. */
export const execute: ItemOperation = async function (itemIndex) {
	return await uploadItem(this, itemIndex, this.getNodeParameter('target', itemIndex));
};
