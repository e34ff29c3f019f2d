import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, operationFields } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { uploadItem } from '../../../shared/items';
import { registerPhoto } from '../../helpers/photoUpload';
import {
	photoTypeField,
	readRegisterFields,
	registerFieldsField,
	sessionIdField,
	uploadOptionsField,
} from '../fields';
import { requestItemPhotoUpload } from './photoRequest';

const properties: INodeProperties[] = [
	sessionIdField,
	photoTypeField,
	binaryPropertyField,
	registerFieldsField,
	uploadOptionsField,
];

export const description = operationFields('photo', 'uploadFile', properties);

/** Gets the presigned POST form, uploads the photo with it, and registers it with the session. */
export const execute: ItemOperation = async function (itemIndex) {
	const extra = readRegisterFields(this, itemIndex);
	const { target, ...photo } = await requestItemPhotoUpload(this, itemIndex);
	const [uploaded] = await uploadItem(this, itemIndex, target, { ...photo });
	const upload = uploaded.json.upload as IDataObject;
	const registered = await registerPhoto(this, {
		...photo,
		fileSize: upload.bytes as number,
		extra,
	});
	return [{ ...uploaded, json: { ...uploaded.json, photo: registered } }];
};
