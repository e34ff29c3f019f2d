import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, operationFields, readTransferOptions } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { registerUploaded } from '../../../shared/afterUpload';
import { withFreshUrlOnExpiry } from '../../../shared/freshUrl';
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
	readTransferOptions(this, itemIndex); // checked here too, so that a bad option fails before any request
	const extra = readRegisterFields(this, itemIndex);
	const {
		ticket: photo,
		result: [uploaded],
	} = await withFreshUrlOnExpiry(
		async () => await requestItemPhotoUpload(this, itemIndex),
		async ({ target, ...ticket }) => await uploadItem(this, itemIndex, target, { ...ticket }),
	);
	const upload = uploaded.json.upload as IDataObject;
	const registered = await registerUploaded(
		{
			provider: 'Closient',
			step: 'Register Photo',
			bytes: upload.bytes as number,
			sha256: String(upload.sha256),
			resume: `register it with Complete Upload (Register Photo), session ${photo.sessionId} and s3_key ${photo.s3Key}.`,
		},
		// The ticket's target is not part of the registration: registerPhoto sends only its own fields.
		async () => await registerPhoto(this, { ...photo, fileSize: upload.bytes as number, extra }),
	);
	return [{ ...uploaded, json: { ...uploaded.json, photo: registered } }];
};
