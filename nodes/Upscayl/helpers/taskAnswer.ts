import type { IDataObject } from 'n8n-workflow';

import { ApiError } from '../../shared/errors';
import { asObject, nonEmptyText } from '../../transfer';

export const PROCESSED = 'PROCESSED';
export const PROCESSING_FAILED = 'PROCESSING_FAILED';

/** The `data` of a start-task or get-task-status answer. */
export function taskDataOf(answer: IDataObject, call: string): IDataObject {
	const data = asObject(answer.data);
	if (!data) {
		throw new ApiError(`Upscayl answered ${call} without data`, {
			description: `The answer is not what Upscayl documents for POST /${call}.`,
		});
	}
	return data;
}

export function taskIdOf(data: IDataObject): string {
	const taskId = nonEmptyText(data.taskId);
	if (!taskId) throw new ApiError('Upscayl answered start-task without a taskId');
	return taskId;
}

export function taskStatusOf(data: IDataObject): string {
	return String(data.status ?? '').toUpperCase();
}

export interface ResultFile {
	url: string;
	fileName?: string;
	bytes?: number;
}

/**
 * The processed file of a task. Upscayl's pages do not name the link's field: clients read
 * `downloadUrl`, the older OpenAPI file has `downloadLink` (and `processedFileName`,
 * `finalFileSize`). Both are read, `downloadUrl` first.
 */
export function resultFileOf(data: IDataObject, taskId: string): ResultFile {
	const files = Array.isArray(data.files) ? data.files : [];
	const file = asObject(files[0]);
	const url = nonEmptyText(file?.downloadUrl) ?? nonEmptyText(file?.downloadLink);
	if (!url) {
		throw new ApiError(`Upscayl processed task ${taskId} but named no download link`, {
			description:
				'get-task-status answered PROCESSED without files[0].downloadUrl or downloadLink. Look at the task with Task → Get Status.',
		});
	}
	const finalSize = Number(file?.finalFileSize);
	return {
		url,
		fileName: nonEmptyText(file?.processedFileName),
		bytes: Number.isInteger(finalSize) && finalSize > 0 ? finalSize : undefined,
	};
}
