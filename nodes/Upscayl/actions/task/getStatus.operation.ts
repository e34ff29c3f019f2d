import type { INodeProperties } from 'n8n-workflow';

import { keepBinaryOption, operationFields, optionsCollection } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { outputItem } from '../../../shared/items';
import { taskId as taskIdText } from '../fields';
import { getTaskStatus } from './task';

const properties: INodeProperties[] = [taskIdText.field, optionsCollection([keepBinaryOption])];

export const description = operationFields('task', 'getStatus', properties);

/** One look at a task: its status, progress and, once processed, its files with download links. */
export const execute: ItemOperation = async function (itemIndex) {
	const taskId = taskIdText.read(this, itemIndex);
	return outputItem(this, itemIndex, await getTaskStatus(this, taskId));
};
