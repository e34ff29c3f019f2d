import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import {
	keepBinaryOption,
	optionsCollection,
	readNumber,
	transferOptionFields,
} from '../../shared/fields';
import { parseUrl } from '../../transfer';
import {
	assertSubType,
	assertUploadType,
	MEDIA_TYPES,
	type MediaType,
	type UploadType,
} from '../helpers/mediaTypes';

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

const POSITIONS = ['left', 'right', 'top', 'bottom', 'center'];
const IMAGE_PREFERENCES = ['crop', 'removeBg', 'enhancement'];

/** Fields of Create Media beyond the type, the URL and the owner. */
export const createMediaFieldOptions: INodeProperties[] = [
	{
		displayName: 'Sub-Type',
		name: 'subType',
		type: 'string',
		default: '',
		placeholder: 'e.g. photograph',
		description:
			"Photo: photograph. Logo: logo. Illustration: illustration. Screenshot: iphone, ipad, macbook, imac, laptop, desktop, tablet or smartphone. Backdrop: backgroundImage, pattern or texture. Empty: Sivi's default for the type.",
	},
	{
		displayName: 'Touch Position',
		name: 'touchPosition',
		type: 'multiOptions',
		default: [],
		description: 'The edges the image may touch in a design (the others are false)',
		options: POSITIONS.map((position) => ({
			name: position.charAt(0).toUpperCase() + position.slice(1),
			value: position,
		})),
	},
	{
		displayName: 'Image Preference',
		name: 'imagePreference',
		type: 'multiOptions',
		default: [],
		description: 'What Sivi may do to the image (the others are false)',
		options: [
			{ name: 'Crop', value: 'crop' },
			{ name: 'Enhancement', value: 'enhancement' },
			{ name: 'Remove Background', value: 'removeBg' },
		],
	},
	{
		displayName: 'Hue Rotations',
		name: 'hueRotations',
		type: 'string',
		default: '',
		placeholder: 'e.g. 0, 90, 180',
		description: 'Hue rotations in degrees, separated by commas',
	},
];

function flags(selected: unknown, names: string[], field: string): IDataObject | undefined {
	if (selected === undefined || selected === null || selected === '') return undefined;
	const chosen = Array.isArray(selected) ? selected.map(String) : [String(selected)];
	const unknown = chosen.filter((name) => !names.includes(name));
	if (unknown.length > 0) {
		throw new InputError(field, `"${field}" knows ${names.join(', ')}, not ${unknown.join(', ')}`);
	}
	if (chosen.length === 0) return undefined;
	return Object.fromEntries(names.map((name) => [name, chosen.includes(name)]));
}

function hueRotations(value: unknown): number[] | undefined {
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	const parts = Array.isArray(value) ? value : String(value).split(',');
	return parts.map((part) => {
		const degrees = Number(String(part).trim());
		if (String(part).trim() === '' || !Number.isFinite(degrees)) {
			throw new InputError(
				'Hue Rotations',
				`"Hue Rotations" must be numbers separated by commas, got "${String(part).trim()}"`,
			);
		}
		return degrees;
	});
}

/** Create Media's optional fields, checked against the type before any request. */
export function readCreateMediaFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	type: MediaType,
): IDataObject {
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const fields: IDataObject = { ...readOwnerFields(ctx, itemIndex) };
	const subType = assertSubType(type, extra.subType, 'Sub-Type');
	const touchPosition = flags(extra.touchPosition, POSITIONS, 'Touch Position');
	const imagePreference = flags(extra.imagePreference, IMAGE_PREFERENCES, 'Image Preference');
	const rotations = hueRotations(extra.hueRotations);
	if (subType) fields.subType = subType;
	if (touchPosition) fields.touchPosition = touchPosition;
	if (imagePreference) fields.imagePreference = imagePreference;
	if (rotations) fields.hueRotations = rotations;
	return fields;
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
