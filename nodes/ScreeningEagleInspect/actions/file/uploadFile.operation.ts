import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, operationFields, readTransferOptions } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { registerUploaded } from '../../../shared/afterUpload';
import { withFreshUrlOnExpiry } from '../../../shared/freshUrl';
import { uploadItem } from '../../../shared/items';
import {
	completeAssumptionNotice,
	completeRequestField,
	readCompleteRequest,
} from '../../helpers/completeRequest';
import { assetIdField, uploadFileOptionsField } from '../fields';
import { passOnStored, SKIPPED_AS_STORED } from './alreadyStored';
import { completeFile, completesAlreadyUploaded } from './completeCall';
import { fileJson, requestPresignedUpload } from './presignedUpload';

const properties: INodeProperties[] = [
	assetIdField,
	binaryPropertyField,
	completeAssumptionNotice,
	completeRequestField,
	uploadFileOptionsField,
];

export const description = operationFields('file', 'uploadFile', properties);

/**
 * Digest, presigned request, PUT unless Screening Eagle already has the file, then the complete
 * call. A file that was not uploaded whole is never completed: the PUT's failure ends the item.
 */
export const execute: ItemOperation = async function (itemIndex) {
	readTransferOptions(this, itemIndex); // checked here too, so that a bad option fails before any request
	const completes = this.getNodeParameter('options.completeUpload', itemIndex, true) !== false;
	const completeRequest = completes ? readCompleteRequest(this, itemIndex) : undefined;
	const { ticket: presigned, result: output } = await withFreshUrlOnExpiry(
		async () => await requestPresignedUpload.call(this, itemIndex),
		async (ticket): Promise<INodeExecutionData[]> =>
			ticket.target
				? await uploadItem(this, itemIndex, ticket.target, fileJson(ticket))
				: passOnStored(this, itemIndex, fileJson(ticket)),
	);

	let completion: IDataObject;
	if (!completeRequest) {
		completion = { completed: false, completeSkippedReason: 'The Complete Upload option is off' };
	} else if (presigned.alreadyUploaded && !completesAlreadyUploaded(this, itemIndex)) {
		completion = { completed: false, completeSkippedReason: SKIPPED_AS_STORED };
	} else {
		const { announced, fileId } = presigned;
		completion = await registerUploaded(
			{
				provider: 'Screening Eagle Inspect',
				step: 'Complete File Upload',
				bytes: announced.size,
				sha256: Buffer.from(announced.hash, 'base64').toString('hex'),
				resume: `complete it with Complete Upload and the file ID ${fileId}.`,
			},
			async () => await completeFile(this, completeRequest(fileId)),
		);
	}
	return output.map((item) => ({ ...item, json: { ...item.json, ...completion } }));
};
