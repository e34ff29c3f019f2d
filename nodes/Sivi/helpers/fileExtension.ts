import type { IBinaryData } from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import { CONTENT_TYPE_BY_EXTENSION } from './mediaTypes';

const EXTENSION_BY_MIME_TYPE: Record<string, string> = {
	'image/jpeg': 'jpg',
	'image/jpg': 'jpg',
	'image/png': 'png',
	'image/svg+xml': 'svg',
	'image/webp': 'webp',
	'image/gif': 'gif',
	'image/bmp': 'bmp',
	'image/tiff': 'tiff',
	'font/ttf': 'ttf',
	'font/sfnt': 'ttf',
	'application/x-font-ttf': 'ttf',
	'application/font-sfnt': 'ttf',
};

/** The extension as the file name (or n8n's fileExtension) gives it, lower case. */
function namedExtension(binary: IBinaryData): string | undefined {
	const fromName = /\.([A-Za-z0-9]+)$/.exec(binary.fileName ?? '')?.[1] ?? binary.fileExtension;
	const extension = fromName?.toLowerCase();
	return extension === 'tif' ? 'tiff' : extension;
}

/**
 * The extension Sivi is asked for. A MIME type Sivi knows describes the bytes and wins; the file
 * name decides when the MIME type is generic, and keeps "jpeg" when it names the same type.
 */
export function fileExtensionOf(binary: IBinaryData, field: string): string {
	const mimeType = (binary.mimeType ?? '').split(';')[0].trim().toLowerCase();
	const named = namedExtension(binary);
	const fromMimeType = EXTENSION_BY_MIME_TYPE[mimeType];
	const namedIsKnown = named !== undefined && named in CONTENT_TYPE_BY_EXTENSION;
	if (fromMimeType) {
		const sameType =
			namedIsKnown && CONTENT_TYPE_BY_EXTENSION[named] === CONTENT_TYPE_BY_EXTENSION[fromMimeType];
		return sameType ? named : fromMimeType;
	}
	if (namedIsKnown) return named;
	const described = [binary.mimeType || 'no MIME type', binary.fileName]
		.filter((part) => !!part)
		.join(', ');
	throw new InputError(
		field,
		`The file in "${field}" (${described}) is not a type Sivi takes: ${Object.keys(CONTENT_TYPE_BY_EXTENSION).join(', ')}`,
		'Give the binary a MIME type or a file name with one of those extensions, or convert it first.',
	);
}
