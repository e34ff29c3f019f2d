import { uuidOf } from '../../shared/ids';

/** Legitmark addresses service requests, sides and taxonomy entries by UUID only. */
export function assertUuid(value: unknown, label: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	const hint = /^[0-9a-f-]{36}\.[a-z]+$/i.test(text)
		? ' Leave the file extension off: the node adds it from the binary.'
		: '';
	return uuidOf(value, label, `Use the uuid field Legitmark returns for it.${hint}`);
}
