import type { IDataObject } from 'n8n-workflow';

/** A plain JSON object (not null, not a list). */
export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it is a plain JSON object, otherwise undefined. */
export function asObject(value: unknown): IDataObject | undefined {
	return isObject(value) ? value : undefined;
}

/** Trimmed text when the value is a non-empty string, otherwise undefined. */
export function nonEmptyText(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
