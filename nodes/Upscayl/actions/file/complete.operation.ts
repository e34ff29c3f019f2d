import type { INodeProperties } from 'n8n-workflow';

import { keepBinaryOption, operationFields, optionsCollection } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { outputItem } from '../../../shared/items';
import { path as pathText, uploadId as uploadIdText } from '../fields';
import { completedParts, completeUpload } from './upload';

const properties: INodeProperties[] = [
	uploadIdText.field,
	pathText.field,
	{
		displayName: 'Parts',
		name: 'parts',
		type: 'json',
		default: '={{ $json.upload.etags }}',
		required: true,
		hint: 'The ETags Upload Binary output, one per part',
		description: 'A list of { partNumber, etag }; sent to Upscayl as { PartNumber, ETag }',
	},
	optionsCollection([keepBinaryOption]),
];

export const description = operationFields('file', 'complete', properties);

/** Tells Upscayl every part arrived: complete-multipart-upload with the parts and their ETags. */
export const execute: ItemOperation = async function (itemIndex) {
	const uploadId = uploadIdText.read(this, itemIndex);
	const path = pathText.read(this, itemIndex);
	const parts = completedParts(this.getNodeParameter('parts', itemIndex, undefined));
	const completed = await completeUpload(this, { uploadId, path, parts });
	const input = this.getInputData()[itemIndex];
	return outputItem(this, itemIndex, { ...input.json, completed });
};
