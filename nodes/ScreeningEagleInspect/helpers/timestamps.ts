import { InputError } from '../../shared/errors';

/** Below this, a number is a count of seconds, not of milliseconds (it would be before 1973). */
const SMALLEST_MILLISECONDS = 1e11;

/**
 * A date parameter as the milliseconds since 1970 that Screening Eagle wants; `now` when empty.
 * Numbers are taken as milliseconds; a count of seconds is refused rather than read as 1970.
 */
export function millisecondsOf(value: unknown, label: string, now: number): number {
	if (value === undefined || value === null || value === '') return now;
	const text = String(value).trim();
	const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
	if (/^\d+$/.test(text) && ms < SMALLEST_MILLISECONDS) {
		throw new InputError(
			label,
			`"${label}" is ${text}, which looks like seconds; Screening Eagle wants milliseconds since 1970`,
			'Multiply by 1000, or give a date and time such as 2026-11-23T10:00:00Z.',
		);
	}
	if (Number.isFinite(ms) && ms > 0) return ms;
	throw new InputError(
		label,
		`"${label}" must be a date and time, such as 2026-11-23T10:00:00Z, got "${text.slice(0, 60)}"`,
	);
}
