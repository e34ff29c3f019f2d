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
import { MEDIA_ONLY_TYPES, type MediaType } from '../../helpers/mediaTypes';
import {
	additionalFields,
	presignFieldOptions,
	readType,
	typeField,
	uploadOptionFields,
} from '../fields';
import { requestPresignedUpload, withoutQuery } from '../presignedUpload';
import { createMedia } from './createMedia';
import { createMediaFieldOptions, readCreateMediaFields } from './createMediaFields';

const properties: INodeProperties[] = [
	typeField(MEDIA_ONLY_TYPES, 'What the file is to Sivi; the type decides the extensions allowed'),
	{
		...binaryPropertyField,
		hint: 'The file to upload: its MIME type or file name decides the extension, checked against the type',
	},
	additionalFields([...presignFieldOptions, ...createMediaFieldOptions]),
	optionsCollection(uploadOptionFields),
];

export const description = operationFields('media', 'uploadFile', properties);

/** Gets an upload URL, uploads the file with exactly the returned headers, then Create Media. */
export const execute: ItemOperation = async function (itemIndex) {
	const type = readType(this, itemIndex, MEDIA_ONLY_TYPES) as MediaType;
	const fields = readCreateMediaFields(this, itemIndex, type);
	readTransferOptions(this, itemIndex); // checked here too, so that a bad option fails before any request
	const {
		ticket: presigned,
		result: [item],
	} = await withFreshUrlOnExpiry(
		async () => await requestPresignedUpload.call(this, itemIndex, type),
		async (ticket) => await uploadItem(this, itemIndex, ticket.target),
	);
	const upload = item.json.upload as unknown as UploadResult;
	const registered = await registerUploaded(
		{
			provider: 'Sivi',
			step: 'Create Media',
			bytes: upload.bytes,
			sha256: upload.sha256,
			resume: `register it with Complete Upload (Create Media) and the URL ${withoutQuery(presigned.uploadUrl)}.`,
		},
		async () => await createMedia.call(this, type, presigned.uploadUrl, fields),
	);
	item.json = {
		...item.json,
		type,
		fileName: presigned.fileName,
		fileUrl: withoutQuery(presigned.uploadUrl),
		...registered,
	};
	return [item];
};
