import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { keepBinaryOption, optionsCollection, transferOptionFields } from '../../shared/fields';
import { uuidOf } from '../../shared/ids';

export const assetIdField: INodeProperties = {
	displayName: 'Asset ID',
	name: 'assetId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6',
	description: 'The UUID of the Inspect asset the file or spot belongs to',
};

export function readAssetId(ctx: IExecuteFunctions, itemIndex: number): string {
	return uuidOf(ctx.getNodeParameter('assetId', itemIndex), 'Asset ID');
}

export const fileIdField: INodeProperties = {
	displayName: 'File ID',
	name: 'fileId',
	type: 'string',
	default: '={{ $json.fileId }}',
	required: true,
	description: 'The UUID Screening Eagle gave the file (fileId from Get Upload URL)',
};

export function readFileId(ctx: IExecuteFunctions, itemIndex: number): string {
	return uuidOf(ctx.getNodeParameter('fileId', itemIndex), 'File ID');
}

/** Options that change what is announced to Screening Eagle before the upload. */
export const announceOptionFields: INodeProperties[] = [
	{
		displayName: 'Content Type',
		name: 'contentType',
		type: 'string',
		default: '',
		placeholder: 'e.g. image/png',
		description:
			"Announced to Screening Eagle and sent as the upload's Content-Type, which must match. Empty: the binary's MIME type.",
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		description: "The name Screening Eagle keeps for the file. Empty: the binary's file name.",
	},
	{
		displayName: 'SHA-256 (Base64)',
		name: 'sha256Base64',
		type: 'string',
		default: '',
		description:
			'A digest you already have, in base64 (not hex). Empty: the node hashes the file. When given, it must match the file.',
	},
];

export const completeWhenAlreadyUploadedOption: INodeProperties = {
	displayName: 'Complete When Already Uploaded',
	name: 'completeWhenAlreadyUploaded',
	type: 'boolean',
	default: false,
	description:
		'Whether to send the complete call also for a file Screening Eagle already had (alreadyUploaded). Off: such files count as complete.',
};

/** Transfer options without part concurrency: a Screening Eagle upload is one PUT. */
const putOptionFields = transferOptionFields.filter((option) => option.name !== 'partConcurrency');

export const getUploadUrlOptionsField = optionsCollection([
	...announceOptionFields,
	keepBinaryOption,
]);

export const uploadBinaryOptionsField = optionsCollection(putOptionFields);

export const uploadFileOptionsField = optionsCollection([
	...announceOptionFields,
	{
		displayName: 'Complete Upload',
		name: 'completeUpload',
		type: 'boolean',
		default: true,
		description: 'Whether to send the complete call after the upload',
	},
	completeWhenAlreadyUploadedOption,
	...putOptionFields,
]);

export const keepBinaryOptionsField = optionsCollection([keepBinaryOption]);
