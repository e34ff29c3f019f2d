import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, operationFields, readTransferOptions } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { withFreshUrlOnExpiry } from '../../../shared/freshUrl';
import { uploadItem } from '../../../shared/items';
import { serviceRequestIdField, sideIdField, uploadOptionsField } from '../fields';
import { requestSideUpload } from './sideUpload';

const properties: INodeProperties[] = [
	serviceRequestIdField,
	sideIdField,
	binaryPropertyField,
	uploadOptionsField,
];

export const description = operationFields('image', 'uploadFile', properties);

/** Gets the side's upload URL and uploads the photo to it, in one step. */
export const execute: ItemOperation = async function (itemIndex) {
	readTransferOptions(this, itemIndex); // checked here too, so that a bad option fails before any request
	const { result } = await withFreshUrlOnExpiry(
		async () => await requestSideUpload.call(this, itemIndex),
		async ({ target, ...ids }) => await uploadItem(this, itemIndex, target, { ...ids }),
	);
	return result;
};
