import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, operationFields, uploadTargetField } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { uploadItem } from '../../../shared/items';
import { uploadOptionsField } from '../fields';

const properties: INodeProperties[] = [
	binaryPropertyField,
	uploadTargetField(
		'The target from Get Upload URL',
		"Where to upload: { method: 'POST', URL, fields }. Every field is sent in the given order, the file last.",
	),
	uploadOptionsField,
];

export const description = operationFields('photo', 'uploadBinary', properties);

/** Posts the item's photo with the form found in the input (by default `$json.target`). */
export const execute: ItemOperation = async function (itemIndex) {
	return await uploadItem(this, itemIndex, this.getNodeParameter('target', itemIndex));
};
