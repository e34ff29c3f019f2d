import type { INodeProperties } from 'n8n-workflow';

import {
	binaryPropertyField,
	operationFields,
	optionsCollection,
	readTransferOptions,
} from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { uploadItem } from '../../../shared/items';
import {
	additionalFields,
	presignFieldOptions,
	readOwnerFields,
	uploadOptionFields,
} from '../fields';
import { requestPresignedUpload, withoutQuery } from '../presignedUpload';
import { createFont, readWaitOptions, waitForFontJob, fontWaitOptionFields } from './fontJob';

const properties: INodeProperties[] = [
	{
		...binaryPropertyField,
		hint: 'The TrueType font (.ttf) to upload; Sivi takes no other font format',
	},
	additionalFields(presignFieldOptions.filter((field) => field.name !== 'brandId')),
	optionsCollection([...fontWaitOptionFields, ...uploadOptionFields]),
];

export const description = operationFields('font', 'uploadFile', properties);

/** Gets an upload URL for the font, uploads it, then Upload Fonts (and waits when asked). */
export const execute: ItemOperation = async function (itemIndex) {
	const wait = readWaitOptions(this, itemIndex);
	readTransferOptions(this, itemIndex); // checked here too, so that a bad option fails before any request
	const presigned = await requestPresignedUpload.call(this, itemIndex, 'font');
	const [item] = await uploadItem(this, itemIndex, presigned.target);
	const { abstractUserId } = readOwnerFields(this, itemIndex);
	const requestId = await createFont.call(
		this,
		presigned.uploadUrl,
		abstractUserId ? { abstractUserId } : {},
	);
	const request = wait ? await waitForFontJob.call(this, requestId, wait) : undefined;
	item.json = {
		...item.json,
		fileName: presigned.fileName,
		fileUrl: withoutQuery(presigned.uploadUrl),
		requestId,
		...(request ? { requestStatus: request.status, request } : {}),
	};
	return [item];
};
