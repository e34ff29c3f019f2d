import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import { optionsCollection, readNumber, transferOptionFields } from '../../shared/fields';
import { isObject, nonEmptyText } from '../../transfer';

/** Every transfer option, Parts at Once included: Upscayl uploads are S3 multipart. */
export const uploadOptionFields = transferOptionFields;
export const uploadOptionsField = optionsCollection(uploadOptionFields);

// ---- the task settings start-task requires ---------------------------------------------------

export const MODELS = [
	{ name: 'Clear Boost 4x', value: 'clear-boost-4x' },
	{ name: 'Crystal Plus 4x', value: 'crystal-plus-4x' },
	{ name: 'Digital Art 4x', value: 'digital-art-4x' },
	{ name: 'Digital Art Plus 4x', value: 'digital-art-plus-4x' },
	{ name: 'Natural Max 4x', value: 'natural-max-4x' },
	{ name: 'Natural Plus 4x', value: 'natural-plus-4x' },
	{ name: 'Nature Boost 4x', value: 'nature-boost-4x' },
	{ name: 'Pure Boost 4x', value: 'pure-boost-4x' },
	{ name: 'Quick Clear 4x', value: 'quick-clear-4x' },
	{ name: 'Texture Boost 4x', value: 'texture-boost-4x' },
	{ name: 'Upscayl Lite 4x', value: 'upscayl-lite-4x' },
	{ name: 'Upscayl Standard 4x', value: 'upscayl-standard-4x' },
];
const OUTPUT_FORMATS = ['jpg', 'png', 'webp'];
const SCALE = { min: 1, max: 8, integer: true };

export const taskSettingFields: INodeProperties[] = [
	{
		displayName: 'Model',
		name: 'model',
		type: 'options',
		options: MODELS,
		default: 'upscayl-standard-4x',
		description: 'The upscaling model Upscayl runs',
	},
	{
		displayName: 'Scale',
		name: 'scale',
		type: 'number',
		typeOptions: { minValue: SCALE.min, maxValue: SCALE.max },
		default: 4,
		description: 'How many times larger the result is, from 1 to 8',
	},
	{
		displayName: 'Save Image As',
		name: 'saveImageAs',
		type: 'options',
		options: [
			{ name: 'JPG', value: 'jpg' },
			{ name: 'PNG', value: 'png' },
			{ name: 'WebP', value: 'webp' },
		],
		default: 'png',
		description: 'The format of the upscaled image',
	},
	{
		displayName: 'Enhance Face',
		name: 'enhanceFace',
		type: 'boolean',
		default: false,
		description: 'Whether Upscayl also enhances faces in the image',
	},
];

export interface TaskSettings {
	model: string;
	scale: number;
	saveImageAs: string;
	enhanceFace: boolean;
}

function readChoice(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	allowed: string[],
): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, '')).trim();
	if (allowed.includes(value)) return value;
	throw new InputError(
		label,
		`"${label}" must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`,
	);
}

/** The task settings, checked before any call: expressions can hand over anything. */
export function readTaskSettings(ctx: IExecuteFunctions, itemIndex: number): TaskSettings {
	const models = MODELS.map((model) => model.value);
	return {
		model: readChoice(ctx, itemIndex, 'model', 'Model', models),
		scale: readNumber(ctx, itemIndex, 'scale', 'Scale', 4, SCALE),
		saveImageAs: readChoice(ctx, itemIndex, 'saveImageAs', 'Save Image As', OUTPUT_FORMATS),
		enhanceFace: ctx.getNodeParameter('enhanceFace', itemIndex, false) === true,
	};
}

// ---- ids handed from one step to the next -----------------------------------------------------

/**
 * A text field mapped from the previous step's output (`{{ $json.<name> }}`) and its reader,
 * which refuses an empty value before any request.
 */
function mappedText(name: string, label: string, from: string) {
	const field: INodeProperties = {
		displayName: label,
		name,
		type: 'string',
		default: `={{ $json.${name} }}`,
		required: true,
		description: `The ${name} from ${from}`,
	};
	const read = (ctx: IExecuteFunctions, itemIndex: number): string => {
		const value = nonEmptyText(ctx.getNodeParameter(name, itemIndex, ''));
		if (value) return value;
		throw new InputError(label, `"${label}" is empty`, `Map the ${name} that ${from} output.`);
	};
	return { field, read };
}

export const uploadId = mappedText('uploadId', 'Upload ID', 'Get Upload URL');
/** The S3 key of the upload; complete-multipart-upload calls it `key`. */
export const path = mappedText('path', 'Path', 'Get Upload URL');
export const taskId = mappedText('taskId', 'Task ID', 'Task → Start');

export const uploadedFileField: INodeProperties = {
	displayName: 'Uploaded File',
	name: 'file',
	type: 'json',
	default: '={{ $json.file }}',
	required: true,
	hint: 'The file object Get Upload URL or Upload File output, or just its path',
	description:
		'The uploaded file as start-task wants it: { path, fileName, fileType, fileSize, originalFileName, … }',
};

/** The uploaded file for start-task's `files`: the object from Get Upload URL, or a bare path. */
export function readUploadedFile(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = ctx.getNodeParameter('file', itemIndex, undefined);
	let value: unknown = raw;
	if (typeof raw === 'string' && raw.trim().startsWith('{')) {
		try {
			value = JSON.parse(raw) as unknown;
		} catch {
			value = undefined;
		}
	}
	const path = nonEmptyText(value);
	if (path) return { path };
	if (isObject(value) && nonEmptyText(value.path)) return value;
	throw new InputError(
		'Uploaded File',
		'"Uploaded File" must be the file object from Get Upload URL (with a path) or its path',
		'Map {{ $json.file }} from Get Upload URL or Upload File.',
	);
}
