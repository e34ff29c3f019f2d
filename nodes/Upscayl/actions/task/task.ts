import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ApiError, InputError } from '../../../shared/errors';
import { pollUntil } from '../../../shared/poll';
import { nonEmptyText } from '../../../transfer';
import {
	PROCESSED,
	PROCESSING_FAILED,
	taskDataOf,
	taskIdOf,
	taskStatusOf,
} from '../../helpers/taskAnswer';
import { upscayl } from '../../transport';
import type { TaskSettings } from '../fields';

/**
 * start-task for a file uploaded through get-upload-url. Upscayl documents a multipart form whose
 * `files` field holds the file objects as JSON.
 */
export async function startTask(
	ctx: IExecuteFunctions,
	file: IDataObject,
	settings: TaskSettings,
): Promise<IDataObject> {
	const answer = await upscayl.request(ctx, {
		method: 'POST',
		path: '/start-task',
		form: {
			model: settings.model,
			scale: String(settings.scale),
			saveImageAs: settings.saveImageAs,
			enhanceFace: String(settings.enhanceFace),
			files: JSON.stringify([file]),
		},
	});
	const data = taskDataOf(answer, 'start-task');
	taskIdOf(data);
	return data;
}

export async function getTaskStatus(ctx: IExecuteFunctions, taskId: string): Promise<IDataObject> {
	const answer = await upscayl.request(ctx, {
		method: 'POST',
		path: '/get-task-status',
		body: { data: { taskId } },
	});
	return { taskId, ...taskDataOf(answer, 'get-task-status') };
}

/** Looks at the task until Upscayl says PROCESSED; a failed task or the timeout fails the item. */
export async function waitForTask(
	ctx: IExecuteFunctions,
	taskId: string,
	timing: { intervalMs: number; timeoutMs: number },
): Promise<IDataObject> {
	const outcome = await pollUntil(
		async () => {
			const data = await getTaskStatus(ctx, taskId);
			const status = taskStatusOf(data);
			if (status === PROCESSING_FAILED) {
				throw new ApiError(`Upscayl could not process task ${taskId}`, {
					code: PROCESSING_FAILED,
					description:
						nonEmptyText(data.error) ??
						'Upscayl answered PROCESSING_FAILED. Try another model or a smaller scale.',
				});
			}
			return { done: status === PROCESSED, value: data };
		},
		{ ...timing, signal: ctx.getExecutionCancelSignal?.() },
	);
	if (outcome.done && outcome.value) return outcome.value;
	const last = outcome.value
		? `its last status was ${taskStatusOf(outcome.value)}${outcome.value.progress !== undefined ? ` (${String(outcome.value.progress)} %)` : ''}`
		: 'Upscayl kept answering 429 (rate limited)';
	throw new InputError(
		'Processing Timeout (Seconds)',
		`Upscayl task ${taskId} was not processed within ${timing.timeoutMs / 1000} s: ${last}`,
		'Give it more time with the Processing Timeout option, or look at it later with Task → Get Status.',
	);
}
