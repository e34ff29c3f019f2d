import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { binaryPropertyField } from '../../../shared/fields';
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

const displayOptions = { show: { resource: ['image'], operation: ['getUploadUrl'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Outputs the side's upload target and passes the photo through for Upload Binary. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { target, ...ids } = await requestSideUpload.call(this, itemIndex);
	const input = this.getInputData()[itemIndex];
	return outputItem(this, itemIndex, {
		...input.json,
		...ids,
		target: target as unknown as IDataObject,
	});
}
