import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import {
	keepBinaryOption,
	optionsCollection,
	readNumber,
	transferOptionFields,
} from '../../shared/fields';
import { parseUrl } from '../../transfer';
import { assertUploadType, MEDIA_TYPES, type UploadType } from '../helpers/mediaTypes';

// Each field sits next to the function that reads it.

const TYPE_LABELS: Record<UploadType, string> = {
	photo: 'Photo',
	logo: 'Logo',
	illustration: 'Illustration',
	screenshot: 'Screenshot',
	backdrop: 'Backdrop',
	font: 'Font',
};

/** The media type dropdown; each option names the extensions the type allows. */
export function typeField(types: UploadType[], description: string): INodeProperties {
	return {
		displayName: 'Type',
		name: 'type',
		type: 'options',
		default: 'photo',
		required: true,
		description,
		options: types.map((type) => ({
			name: TYPE_LABELS[type],
			value: type,
			description: `Allows ${MEDIA_TYPES[type].extensions.join(', ')}`,
		})),
	};
}

export function readType(
	ctx: IExecuteFunctions,
	itemIndex: number,
	types: UploadType[],
): UploadType {
	return assertUploadType(ctx.getNodeParameter('type', itemIndex), 'Type', types);
}

const EXPIRES_IN = { min: 60, max: 3600, integer: true };

export const brandIdField: INodeProperties = {
	displayName: 'Brand ID',
	name: 'brandId',
	type: 'string',
	default: '',
	placeholder: 'e.g. b_s87vFxpfM0R',
	description: 'The brand to file the upload under (bId)',
};

export const abstractUserIdField: INodeProperties = {
	displayName: 'Abstract User ID',
	name: 'abstractUserId',
	type: 'string',
	default: '',
	description: 'The end user to act for. Enterprise and Super API plans only.',
};

const expiresInField: INodeProperties = {
	displayName: 'URL Expires In (Seconds)',
	name: 'expiresIn',
	type: 'number',
	typeOptions: { minValue: EXPIRES_IN.min, maxValue: EXPIRES_IN.max },
	default: 300,
	description: 'How long the upload URL stays valid, from 60 to 3600 seconds',
};

/** Fields of Get Presigned URL beyond the type and the file. */
export const presignFieldOptions: INodeProperties[] = [
	brandIdField,
	expiresInField,
	abstractUserIdField,
];

/** Text of an "Additional Fields" entry, trimmed; undefined when empty. */
function optionalText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: INodeProperties,
): string | undefined {
	const value = ctx.getNodeParameter(`additionalFields.${field.name}`, itemIndex, '');
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') {
		const label = field.displayName;
		throw new InputError(label, `"${label}" must be text, got a ${typeof value}`);
	}
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

/** bId and abstractUserId, sent both to Get Presigned URL and to the registering call. */
export function readOwnerFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields: IDataObject = {};
	const bId = optionalText(ctx, itemIndex, brandIdField);
	const abstractUserId = optionalText(ctx, itemIndex, abstractUserIdField);
	if (bId) fields.bId = bId;
	if (abstractUserId) fields.abstractUserId = abstractUserId;
	return fields;
}

export function readExpiresIn(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	const given = ctx.getNodeParameter('additionalFields.expiresIn', itemIndex, '');
	if (given === undefined || given === '') return undefined;
	return readNumber(
		ctx,
		itemIndex,
		'additionalFields.expiresIn',
		'URL Expires In (Seconds)',
		300,
		EXPIRES_IN,
	);
}

export function additionalFields(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/** The upload URL to register, from the previous step's output. */
export function uploadUrlField(
	name: string,
	displayName: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '={{ $json.uploadUrl }}',
		required: true,
		description,
		hint: 'The whole presigned URL, query string included, as Get Upload URL outputs it',
	};
}

export function readUploadUrl(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): string {
	return parseUrl(
		ctx.getNodeParameter(name, itemIndex),
		label,
		'Use the uploadUrl that Get Upload URL output for this file.',
	);
}

/** Every transfer option except part concurrency: a Sivi upload is one PUT. */
export const uploadOptionFields = transferOptionFields.filter(
	(option) => option.name !== 'partConcurrency',
);

export const keepBinaryOptionsField = optionsCollection([keepBinaryOption]);
