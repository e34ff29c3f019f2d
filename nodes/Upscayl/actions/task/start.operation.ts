import type { INodeProperties } from 'n8n-workflow';

import { keepBinaryOption, operationFields, optionsCollection } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { outputItem } from '../../../shared/items';
import {
	readTaskSettings,
	readUploadedFile,
	taskSettingFields,
	uploadedFileField,
} from '../fields';
import { startTask } from './task';

const properties: INodeProperties[] = [
	uploadedFileField,
	...taskSettingFields,
	optionsCollection([keepBinaryOption]),
];

export const description = operationFields('task', 'start', properties);

/** Starts upscaling an uploaded file; outputs the taskId for Get Status. */
export const execute: ItemOperation = async function (itemIndex) {
	const file = readUploadedFile(this, itemIndex);
	const settings = readTaskSettings(this, itemIndex);
	const task = await startTask(this, file, settings);
	const input = this.getInputData()[itemIndex];
	return outputItem(this, itemIndex, { ...input.json, ...task });
};
