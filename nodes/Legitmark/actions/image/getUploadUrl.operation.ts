import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, operationFields } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { outputItem } from '../../../shared/items';
import { serviceRequestIdField, sideIdField } from '../fields';
import { requestSideUpload } from './sideUpload';

const properties: INodeProperties[] = [
	serviceRequestIdField,
	sideIdField,
	{
		...binaryPropertyField,
		hint: 'The photo to upload later: its MIME type or file name decides the extension (jpg, jpeg, png, heic or dng)',
	},
];

export const description = operationFields('image', 'getUploadUrl', properties);

/** Outputs the side's upload target and passes the photo through for Upload Binary. */
export const execute: ItemOperation = async function (itemIndex) {
	const { target, ...ids } = await requestSideUpload.call(this, itemIndex);
	const input = this.getInputData()[itemIndex];
	return outputItem(this, itemIndex, {
		...input.json,
		...ids,
		target: target as unknown as IDataObject,
	});
};
