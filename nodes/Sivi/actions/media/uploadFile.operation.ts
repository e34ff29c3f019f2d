import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, operationFields, optionsCollection } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { MEDIA_ONLY_TYPES, type MediaType } from '../../helpers/mediaTypes';
import {
	additionalFields,
	presignFieldOptions,
	readType,
	typeField,
	uploadOptionFields,
} from '../fields';
import { uploadAndRegister } from '../uploadAndRegister';
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
	const { item, fileName, fileUrl, registered } = await uploadAndRegister(
		this,
		itemIndex,
		type,
		'Create Media',
		async (uploadUrl) => await createMedia.call(this, type, uploadUrl, fields),
	);
	item.json = {
		...item.json,
		type,
		fileName,
		fileUrl,
		...registered,
	};
	return [item];
};
