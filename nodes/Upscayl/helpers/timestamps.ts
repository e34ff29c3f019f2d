/**
 * An Upscayl timestamp as ISO time. The live documentation shows seconds, its older OpenAPI file
 * milliseconds: values below 10^12 are read as seconds (10^12 seconds is the year 33658).
 */
export function isoTime(value: unknown): string | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) return undefined;
	const date = new Date(number < 1e12 ? number * 1000 : number);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
