import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import {
	binaryPropertyField,
	keepsBinary,
	operationFields,
	optionsCollection,
	readNumber,
	readTransferOptions,
} from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { downloadBinary, nonEmptyText } from '../../../transfer';
import { outputFormat } from '../../helpers/imageFile';
import { resultFileOf } from '../../helpers/taskAnswer';
import { uploadAndComplete } from '../file/uploadAndComplete';
import { readTaskSettings, taskSettingFields, uploadOptionFields } from '../fields';
import { startTask, waitForTask } from './task';

const POLL_INTERVAL_SECONDS = { min: 0.1, max: 3600 };
const PROCESSING_TIMEOUT_SECONDS = { min: 0, max: 86_400 };

const properties: INodeProperties[] = [
	{ ...binaryPropertyField, hint: 'The image to upscale: JPEG, PNG or WebP, at most 100 MB' },
	...taskSettingFields,
	{
		displayName: 'Output Binary Field',
		name: 'outputBinaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The binary field the upscaled image is put in',
	},
	optionsCollection([
		...uploadOptionFields,
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollIntervalSeconds',
			type: 'number',
			typeOptions: {
				minValue: POLL_INTERVAL_SECONDS.min,
				maxValue: POLL_INTERVAL_SECONDS.max,
				numberPrecision: 1,
			},
			default: 3,
			description: 'How long to pause between two looks at the task',
		},
		{
			displayName: 'Processing Timeout (Seconds)',
			name: 'processingTimeoutSeconds',
			type: 'number',
			typeOptions: {
				minValue: PROCESSING_TIMEOUT_SECONDS.min,
				maxValue: PROCESSING_TIMEOUT_SECONDS.max,
			},
			default: 600,
			description: 'How long to wait for Upscayl to process the image before the item fails',
		},
	]),
];

export const description = operationFields('task', 'upscaleFile', properties);

function readOutputField(ctx: IExecuteFunctions, itemIndex: number): string {
	const name = nonEmptyText(ctx.getNodeParameter('outputBinaryPropertyName', itemIndex, 'data'));
	if (name) return name;
	throw new InputError(
		'Output Binary Field',
		'"Output Binary Field" must name a binary field, for example data',
	);
}

function readTiming(ctx: IExecuteFunctions, itemIndex: number) {
	const seconds = (
		name: string,
		label: string,
		fallback: number,
		range: { min: number; max: number },
	) => readNumber(ctx, itemIndex, `options.${name}`, label, fallback, range) * 1000;
	return {
		intervalMs: seconds('pollIntervalSeconds', 'Poll Interval (Seconds)', 3, POLL_INTERVAL_SECONDS),
		timeoutMs: seconds(
			'processingTimeoutSeconds',
			'Processing Timeout (Seconds)',
			600,
			PROCESSING_TIMEOUT_SECONDS,
		),
	};
}

/** The result's file name: Upscayl's when it names one, else the original name in the new format. */
function resultFileName(file: IDataObject, given: string | undefined, extension: string): string {
	if (given) return given;
	const original = nonEmptyText(file.originalFileName) ?? 'image';
	return `${original.replace(/\.[^./]*$/, '')}.${extension}`;
}

/**
 * The one-step path: upload the image, start the task, wait until Upscayl has processed it and
 * bring the upscaled image back as n8n binary (streamed into n8n's binary store).
 */
export const execute: ItemOperation = async function (itemIndex) {
	const settings = readTaskSettings(this, itemIndex);
	const outputField = readOutputField(this, itemIndex);
	const timing = readTiming(this, itemIndex);
	const transferOptions = readTransferOptions(this, itemIndex);

	const uploaded = await uploadAndComplete(this, itemIndex);
	const file = uploaded.json.file as IDataObject;
	const started = await startTask(this, file, settings);
	const taskId = String(started.taskId);
	const task = await waitForTask(this, taskId, timing);
	const result = resultFileOf(task, taskId);
	const format = outputFormat(settings.saveImageAs);
	const downloaded = await downloadBinary(
		this,
		itemIndex,
		{
			url: result.url,
			fileName: resultFileName(file, result.fileName, format.extension),
			mimeType: format.mimeType,
			expectedBytes: result.bytes,
		},
		transferOptions,
	);
	const { binary, ...summary } = downloaded;
	const input = this.getInputData()[itemIndex];
	return [
		{
			json: { ...uploaded.json, taskId, task, result: { ...summary } },
			binary: { ...(keepsBinary(this, itemIndex) ? input.binary : {}), [outputField]: binary },
			pairedItem: { item: itemIndex },
		},
	];
};
