import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, operationFields, optionsCollection } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import {
	additionalFields,
	presignFieldOptions,
	readOwnerFields,
	uploadOptionFields,
} from '../fields';
import { uploadAndRegister } from '../uploadAndRegister';
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
	const {
		item,
		fileName,
		fileUrl,
		registered: requestId,
	} = await uploadAndRegister(this, itemIndex, 'font', 'Upload Fonts', async (uploadUrl) => {
		const { abstractUserId } = readOwnerFields(this, itemIndex);
		return await createFont.call(this, uploadUrl, abstractUserId ? { abstractUserId } : {});
	});
	const request = wait ? await waitForFontJob.call(this, requestId, wait) : undefined;
	item.json = {
		...item.json,
		fileName,
		fileUrl,
		requestId,
		...(request ? { requestStatus: request.status, request } : {}),
	};
	return [item];
};
