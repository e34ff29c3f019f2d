import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, operationFields } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { outputItem, uploadItem } from '../../../shared/items';
import { uploadBinaryOptionsField } from '../fields';
import { SKIPPED_AS_STORED } from './completeCall';

const properties: INodeProperties[] = [
	binaryPropertyField,
	{
		displayName: 'Target',
		name: 'target',
		type: 'json',
		default: '={{ $json.target }}',
		required: true,
		hint: 'The target from Get Upload URL. Items with alreadyUploaded: true are passed on without an upload.',
		description: "Where to upload: { method: 'PUT', URL, headers }",
	},
	uploadBinaryOptionsField,
];

export const description = operationFields('file', 'uploadBinary', properties);

/**
 * Uploads the item's binary to its target. An item Get Upload URL marked alreadyUploaded has
 * no target: Screening Eagle has the file, so it is passed on and the output says so.
 */
export const execute: ItemOperation = async function (itemIndex) {
	const input = this.getInputData()[itemIndex];
	if (input.json.alreadyUploaded === true) {
		return outputItem(this, itemIndex, {
			...input.json,
			uploadSkipped: true,
			uploadSkippedReason: SKIPPED_AS_STORED,
		});
	}
	return await uploadItem(this, itemIndex, this.getNodeParameter('target', itemIndex));
};
