import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import { isObject } from '../../transfer';

/**
 * A JSON parameter that must hold an object: n8n hands it over as text or already parsed.
 * Empty text is `undefined`; anything but an object fails naming the field.
 */
export function jsonObjectOf(
	value: unknown,
	label: string,
	example: string,
): IDataObject | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		return undefined;
	}
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			parsed = undefined;
		}
	}
	if (isObject(parsed)) return parsed;
	throw new InputError(label, `"${label}" must be a JSON object, for example ${example}`);
}
