import { InputError } from '../../shared/errors';

const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * A SHA-256 typed or mapped by the user, as Screening Eagle wants it: base64 of the 32 digest
 * bytes. Hex (what sha256sum and most tools print) is refused rather than converted, so a wrong
 * mapping upstream is noticed.
 */
export function sha256Base64Of(value: unknown, label: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (BASE64_SHA256.test(text)) return text;
	if (HEX_SHA256.test(text)) {
		throw new InputError(
			label,
			`"${label}" is a hex SHA-256; Screening Eagle wants the same digest in base64 (44 characters ending in =)`,
			'Leave the field empty to let the node hash the file, or encode the digest in base64 (n8n Crypto node: Encoding Base64; shell: sha256sum f | xxd -r -p | base64).',
		);
	}
	throw new InputError(
		label,
		`"${label}" must be the base64 SHA-256 of the file (44 characters ending in =), got "${text.slice(0, 60)}"`,
		'Leave the field empty to let the node hash the file.',
	);
}
