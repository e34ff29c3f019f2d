import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { binaryPropertyField } from '../../../shared/fields';
import { uploadItem } from '../../../shared/items';
import { serviceRequestIdField, sideIdField, uploadOptionsField } from '../fields';
import { requestSideUpload } from './sideUpload';

const properties: INodeProperties[] = [
	serviceRequestIdField,
	sideIdField,
	binaryPropertyField,
	uploadOptionsField,
];

const displayOptions = { show: { resource: ['image'], operation: ['uploadFile'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Gets the side's upload URL and uploads the photo to it, in one step. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { target, ...ids } = await requestSideUpload.call(this, itemIndex);
	return await uploadItem(this, itemIndex, target, { ...ids });
}
