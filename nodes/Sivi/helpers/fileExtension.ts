import type { IBinaryData } from 'n8n-workflow';

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
 * The file's extension as Sivi is asked for it. A MIME type Sivi knows describes the bytes and
 * wins; the file name decides when the MIME type is another, and keeps "jpeg" when it names the
 * same type. Undefined when neither says anything.
 */
export function fileExtensionOf(binary: IBinaryData): string | undefined {
	const mimeType = (binary.mimeType ?? '').split(';')[0].trim().toLowerCase();
	const named = namedExtension(binary);
	const fromMimeType = EXTENSION_BY_MIME_TYPE[mimeType];
	if (!fromMimeType) return named;
	const sameType =
		named !== undefined &&
		CONTENT_TYPE_BY_EXTENSION[named] !== undefined &&
		CONTENT_TYPE_BY_EXTENSION[named] === CONTENT_TYPE_BY_EXTENSION[fromMimeType];
	return sameType ? named : fromMimeType;
}

/** "font/otf, Brand.otf": what the binary says about itself, for messages. */
export function describeFile(binary: IBinaryData): string {
	return [binary.mimeType || 'no MIME type', binary.fileName].filter((part) => !!part).join(', ');
}
