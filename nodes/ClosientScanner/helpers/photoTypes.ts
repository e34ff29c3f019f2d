import type { INodePropertyOptions } from 'n8n-workflow';

import { InputError } from '../../shared/errors';

/** PhotoTypeEnum: the vision pipeline routes each photo by it. */
export const PHOTO_TYPES = [
	'front',
	'back',
	'left',
	'right',
	'top',
	'bottom',
	'nutrition',
	'ingredients',
	'barcode',
	'recycling',
	'certification',
	'other',
] as const;

export type PhotoType = (typeof PHOTO_TYPES)[number];

export const photoTypeOptions: INodePropertyOptions[] = PHOTO_TYPES.map((value) => ({
	name: value[0].toUpperCase() + value.slice(1),
	value,
})).sort((a, b) => a.name.localeCompare(b.name));

export function assertPhotoType(value: unknown, label = 'Photo Type'): PhotoType {
	const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
	if ((PHOTO_TYPES as readonly string[]).includes(text)) return text as PhotoType;
	throw new InputError(
		label,
		`"${label}" must be one of ${PHOTO_TYPES.join(', ')}, got ${text === '' ? 'nothing' : JSON.stringify(value)}`,
	);
}
