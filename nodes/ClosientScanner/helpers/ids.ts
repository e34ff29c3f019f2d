import { InputError } from '../../shared/errors';

/** Closient's short ids: 22 characters of the shortuuid alphabet (no 0, 1, I, O, l). */
const SHORT_ID = /^[23456789A-HJ-NP-Za-km-z]{22}$/;

export function assertShortId(value: unknown, label: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (SHORT_ID.test(text)) return text;
	const got = text === '' ? 'nothing' : `"${text.slice(0, 60)}"`;
	throw new InputError(
		label,
		`"${label}" must be a Closient short ID (22 letters and digits, such as 7pXk2mQ9rT4vW8yB3cD6fG), got ${got}`,
		'Use the id Closient returned for it, for example from Session → Create.',
	);
}
