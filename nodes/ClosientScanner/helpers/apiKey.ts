import { crc32 } from 'node:zlib';

import { InputError } from '../../shared/errors';

const KEY_SHAPE = /^(csb|csu|cpk)_([A-Za-z0-9]{32})_([0-9a-f]{8})$/;

/** Closient's checksum: the CRC-32 of the key's body as 8 lower-case hex digits. */
export function keyChecksum(body: string): string {
	return crc32(body).toString(16).padStart(8, '0');
}

/** Why a key cannot be a Closient key, or undefined when its shape and checksum hold. */
export function apiKeyProblem(value: unknown): string | undefined {
	const key = typeof value === 'string' ? value.trim() : '';
	if (key === '') return 'The API key is empty';
	const shape = KEY_SHAPE.exec(key);
	if (!shape) {
		if (!/^(csb|csu|cpk)_/.test(key)) {
			return 'The API key does not start with csb_, csu_ or cpk_';
		}
		return 'The API key is not <prefix>_<32 letters and digits>_<8 hex digits>';
	}
	if (keyChecksum(shape[2]) !== shape[3]) {
		return "The API key's checksum does not match its body: a character was changed or lost";
	}
	return undefined;
}

/** Refuses a mistyped key before any request, as Closient's documented format allows. */
export function assertApiKey(value: unknown): void {
	const problem = apiKeyProblem(value);
	if (!problem) return;
	throw new InputError(
		'API Key',
		`${problem} (Closient credential)`,
		'Copy the whole key again from Closient (Settings → API Keys) into the credential.',
	);
}
