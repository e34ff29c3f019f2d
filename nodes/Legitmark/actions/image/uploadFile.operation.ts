import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import {
	binaryPropertyField,
	keepsBinary,
	readTransferOptions,
} from '../../../shared/descriptions';
import { uploadBinary } from '../../../transfer';
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
	const item = this.getInputData()[itemIndex];
	const { target, ...ids } = await requestSideUpload.call(this, itemIndex);
	const upload = await uploadBinary(this, itemIndex, {
		binaryPropertyName: this.getNodeParameter('binaryPropertyName', itemIndex) as string,
		target,
		options: readTransferOptions(this, itemIndex),
	});
	return [
		{
			json: { ...item.json, ...ids, upload: upload as unknown as IDataObject },
			binary: keepsBinary(this, itemIndex) ? item.binary : undefined,
			pairedItem: { item: itemIndex },
		},
	];
}
