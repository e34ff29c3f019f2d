import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, operationFields } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { outputItem } from '../../../shared/items';
import { assetIdField, getUploadUrlOptionsField } from '../fields';
import { fileJson, requestPresignedUpload } from './presignedUpload';

const properties: INodeProperties[] = [assetIdField, binaryPropertyField, getUploadUrlOptionsField];

export const description = operationFields('file', 'getUploadUrl', properties);

/**
 * Outputs fileId, alreadyUploaded and (unless already uploaded) the PUT target, and passes the
 * file on for Upload Binary.
 */
export const execute: ItemOperation = async function (itemIndex) {
	const presigned = await requestPresignedUpload.call(this, itemIndex);
	const input = this.getInputData()[itemIndex];
	const json: IDataObject = { ...input.json, ...fileJson(presigned) };
	if (presigned.target) json.target = presigned.target as unknown as IDataObject;
	return outputItem(this, itemIndex, json);
};
