import type { INodeProperties } from 'n8n-workflow';

import { keepBinaryOption, operationFields, optionsCollection } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { outputItem } from '../../../shared/items';
import {
	abstractUserIdField,
	additionalFields,
	readOwnerFields,
	readUploadUrl,
	uploadUrlField,
} from '../fields';
import { createFont, readWaitOptions, waitForFontJob, fontWaitOptionFields } from './fontJob';

const properties: INodeProperties[] = [
	uploadUrlField(
		'uploadedUrl',
		'Uploaded URL',
		'The presigned URL the .ttf file was uploaded to (sent as uploadedURL)',
	),
	additionalFields([abstractUserIdField]),
	optionsCollection([...fontWaitOptionFields, keepBinaryOption]),
];

export const description = operationFields('font', 'complete', properties);

/** Upload Fonts for a font already uploaded: outputs the request ID, and waits when asked. */
export const execute: ItemOperation = async function (itemIndex) {
	const uploadedUrl = readUploadUrl(this, itemIndex, 'uploadedUrl', 'Uploaded URL');
	const wait = readWaitOptions(this, itemIndex);
	const { abstractUserId } = readOwnerFields(this, itemIndex);
	const requestId = await createFont.call(
		this,
		uploadedUrl,
		abstractUserId ? { abstractUserId } : {},
	);
	const request = wait ? await waitForFontJob.call(this, requestId, wait) : undefined;
	const input = this.getInputData()[itemIndex];
	return outputItem(this, itemIndex, {
		...input.json,
		requestId,
		...(request ? { requestStatus: request.status, request } : {}),
	});
};
