import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, operationFields, uploadTargetField } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { uploadItem } from '../../../shared/items';
import { uploadBinaryOptionsField } from '../fields';
import { passOnStored } from './alreadyStored';

const properties: INodeProperties[] = [
	binaryPropertyField,
	uploadTargetField(
		'The target from Get Upload URL. Items with alreadyUploaded: true are passed on without an upload.',
		"Where to upload: { method: 'PUT', URL, headers }",
	),
	uploadBinaryOptionsField,
];

export const description = operationFields('file', 'uploadBinary', properties);

/**
 * Uploads the item's binary to its target. An item Get Upload URL marked alreadyUploaded has
 * no target: Screening Eagle has the file, so it is passed on and the output says so.
 */
export const execute: ItemOperation = async function (itemIndex) {
	if (this.getInputData()[itemIndex].json.alreadyUploaded === true) {
		return passOnStored(this, itemIndex);
	}
	return await uploadItem(this, itemIndex, this.getNodeParameter('target', itemIndex));
};
