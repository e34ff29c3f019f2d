import type { INodeProperties } from 'n8n-workflow';

import { keepBinaryOption, operationFields, optionsCollection } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { outputItem } from '../../../shared/items';
import {
	completeAssumptionNotice,
	completeRequestField,
	readCompleteRequest,
} from '../../helpers/completeRequest';
import { completeWhenAlreadyUploadedOption, fileIdField, readFileId } from '../fields';
import { SKIPPED_AS_STORED } from './alreadyStored';
import { completeFile, completesAlreadyUploaded } from './completeCall';

const properties: INodeProperties[] = [
	fileIdField,
	completeAssumptionNotice,
	completeRequestField,
	optionsCollection([completeWhenAlreadyUploadedOption, keepBinaryOption]),
];

export const description = operationFields('file', 'complete', properties);

/** Marks the file as uploaded; an item with alreadyUploaded: true is skipped unless asked. */
export const execute: ItemOperation = async function (itemIndex) {
	const fileId = readFileId(this, itemIndex);
	const request = readCompleteRequest(this, itemIndex);
	const input = this.getInputData()[itemIndex];
	if (input.json.alreadyUploaded === true && !completesAlreadyUploaded(this, itemIndex)) {
		return outputItem(this, itemIndex, {
			...input.json,
			fileId,
			completed: false,
			completeSkippedReason: SKIPPED_AS_STORED,
		});
	}
	const completed = await completeFile(this, request(fileId));
	return outputItem(this, itemIndex, { ...input.json, fileId, ...completed });
};
