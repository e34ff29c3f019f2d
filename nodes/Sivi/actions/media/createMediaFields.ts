import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { assertSubType, type MediaType } from '../../helpers/mediaTypes';
import { readOwnerFields } from '../fields';

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
