import { InputError } from '../../shared/errors';

const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

/**
 * The content type announced to Screening Eagle and sent with the PUT (the two must be equal):
 * the override when given, else the binary's MIME type without parameters.
 */
export function contentTypeOf(override: unknown, binaryMimeType: string): string {
	const given = typeof override === 'string' ? override.trim() : '';
	const value = given || binaryMimeType.split(';')[0].trim();
	if (MIME_TYPE.test(value)) return value;
	throw new InputError(
		'Content Type',
		`"Content Type" must be a MIME type such as image/png, got "${value.slice(0, 60)}"`,
		given
			? undefined
			: "The binary has no usable MIME type: set one in the node's Content Type option.",
	);
}
