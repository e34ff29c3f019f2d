import type { INodeProperties } from 'n8n-workflow';

import {
	binaryPropertyField,
	operationFields,
	optionsCollection,
	readTransferOptions,
} from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { registerUploaded } from '../../../shared/afterUpload';
import { withFreshUrlOnExpiry } from '../../../shared/freshUrl';
import { uploadItem } from '../../../shared/items';
import type { UploadResult } from '../../../transfer';
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
	const {
		ticket: presigned,
		result: [item],
	} = await withFreshUrlOnExpiry(
		async () => await requestPresignedUpload.call(this, itemIndex, 'font'),
		async (ticket) => await uploadItem(this, itemIndex, ticket.target),
	);
	const { abstractUserId } = readOwnerFields(this, itemIndex);
	const upload = item.json.upload as unknown as UploadResult;
	const requestId = await registerUploaded(
		{
			provider: 'Sivi',
			step: 'Upload Fonts',
			bytes: upload.bytes,
			sha256: upload.sha256,
			resume: `register it with Complete Upload (Upload Fonts) and the URL ${withoutQuery(presigned.uploadUrl)}.`,
		},
		async () =>
			await createFont.call(this, presigned.uploadUrl, abstractUserId ? { abstractUserId } : {}),
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
