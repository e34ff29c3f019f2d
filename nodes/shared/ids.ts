import { InputError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID parameter, trimmed and lower-cased; anything else fails naming the field. */
export function uuidOf(value: unknown, label: string, description?: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (UUID.test(text)) return text.toLowerCase();
	const got = text === '' ? 'nothing' : `"${text.slice(0, 60)}"`;
	throw new InputError(
		label,
		`"${label}" must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6, got ${got}`,
		description,
	);
}
