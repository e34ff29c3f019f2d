import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import {
	binaryPropertyField,
	keepsBinary,
	operationFields,
	optionsCollection,
	pollOptionFields,
	readPollOptions,
	readTransferOptions,
	type PollOptions,
} from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { downloadBinary, nonEmptyText } from '../../../transfer';
import { outputFormat } from '../../helpers/imageFile';
import { resultFileOf } from '../../helpers/taskAnswer';
import { uploadAndComplete } from '../file/uploadAndComplete';
import { readTaskSettings, taskSettingFields, uploadOptionFields } from '../fields';
import { startTask, waitForTask } from './task';

const PROCESSING_WAIT: PollOptions = {
	timeoutName: 'processingTimeoutSeconds',
	timeoutLabel: 'Processing Timeout (Seconds)',
	timeoutDescription: 'How long to wait for Upscayl to process the image before the item fails',
};

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
	optionsCollection([...uploadOptionFields, ...pollOptionFields(PROCESSING_WAIT)]),
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
	const timing = readPollOptions(this, itemIndex, PROCESSING_WAIT);
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
