import { InputError } from '../../shared/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Legitmark addresses service requests, sides and taxonomy entries by UUID only. */
export function assertUuid(value: unknown, label: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (UUID.test(text)) return text.toLowerCase();
	const got = text === '' ? 'nothing' : `"${text.slice(0, 60)}"`;
	const hint = /^[0-9a-f-]{36}\.[a-z]+$/i.test(text)
		? ' Leave the file extension off: the node adds it from the binary.'
		: '';
	throw new InputError(
		label,
		`"${label}" must be a UUID such as 8e61c991-553a-4a58-9eb6-561b64c11908, got ${got}`,
		`Use the uuid field Legitmark returns for it.${hint}`,
	);
}
