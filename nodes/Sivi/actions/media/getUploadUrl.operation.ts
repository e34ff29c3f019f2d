import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, operationFields } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { outputItem } from '../../../shared/items';
import { UPLOAD_TYPES } from '../../helpers/mediaTypes';
import { additionalFields, presignFieldOptions, readType, typeField } from '../fields';
import { requestPresignedUpload } from '../presignedUpload';

const properties: INodeProperties[] = [
	typeField(
		UPLOAD_TYPES,
		'What the file is to Sivi; the type decides the extensions allowed. For a font, register it with Font → Complete Upload.',
	),
	{
		...binaryPropertyField,
		hint: 'The file to upload later: its MIME type or file name decides the extension and content type',
	},
	additionalFields(presignFieldOptions),
];

export const description = operationFields('media', 'getUploadUrl', properties);

/** Outputs the upload target and the URL to register, and passes the file on for Upload Binary. */
export const execute: ItemOperation = async function (itemIndex) {
	const type = readType(this, itemIndex, UPLOAD_TYPES);
	const { target, ...presigned } = await requestPresignedUpload.call(this, itemIndex, type);
	const input = this.getInputData()[itemIndex];
	return outputItem(this, itemIndex, {
		...input.json,
		...presigned,
		target: target as unknown as IDataObject,
	});
};
