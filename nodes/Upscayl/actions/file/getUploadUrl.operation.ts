import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	binaryPropertyField,
	keepBinaryOption,
	operationFields,
	optionsCollection,
} from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { outputItem } from '../../../shared/items';
import { requestUpload } from './upload';

const properties: INodeProperties[] = [
	{
		...binaryPropertyField,
		hint: 'The image to upload later: its size, type and name are sent to Upscayl',
	},
	optionsCollection([keepBinaryOption]),
];

export const description = operationFields('file', 'getUploadUrl', properties);

/** Outputs the multipart target, the uploadId and path, and passes the image on. */
export const execute: ItemOperation = async function (itemIndex) {
	const { target, ...ids } = await requestUpload(this, itemIndex);
	const input = this.getInputData()[itemIndex];
	return outputItem(this, itemIndex, {
		...input.json,
		...ids,
		target: target as unknown as IDataObject,
	});
};
