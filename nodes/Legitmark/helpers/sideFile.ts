import { InputError } from '../../shared/errors';

/** The extensions Legitmark's upload intent accepts; the extension decides the content type. */
export const SIDE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'heic', 'dng'] as const;

export type SideExtension = (typeof SIDE_EXTENSIONS)[number];

export const CONTENT_TYPE_BY_EXTENSION: Record<SideExtension, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	heic: 'image/heic',
	dng: 'image/x-adobe-dng',
};

const EXTENSION_BY_MIME_TYPE: Record<string, SideExtension> = {
	'image/jpeg': 'jpg',
	'image/jpg': 'jpg',
	'image/pjpeg': 'jpg',
	'image/png': 'png',
	'image/heic': 'heic',
	'image/x-adobe-dng': 'dng',
	'image/dng': 'dng',
};

/** MIME types that say nothing about the image; the file name decides then. */
const UNSPECIFIC_MIME_TYPES = ['', 'application/octet-stream', 'binary/octet-stream'];

export interface BinaryDescription {
	mimeType?: string;
	fileName?: string;
	fileExtension?: string;
}

function isSideExtension(value: string | undefined): value is SideExtension {
	return (SIDE_EXTENSIONS as readonly string[]).includes(value ?? '');
}

function fileNameExtension({ fileName, fileExtension }: BinaryDescription): string | undefined {
	const match = /\.([A-Za-z0-9]+)$/.exec(fileName ?? '');
	const extension = match?.[1] ?? fileExtension;
	return extension ? extension.toLowerCase() : undefined;
}

function describeBinary(binary: BinaryDescription): string {
	const mimeType = binary.mimeType || 'without a MIME type';
	return binary.fileName ? `${mimeType} (${binary.fileName})` : mimeType;
}

/**
 * The extension to append to the side UUID. A specific MIME type wins over the file name, because
 * it describes the bytes; the file name only decides when the MIME type is generic or missing.
 */
export function sideExtensionOf(binary: BinaryDescription, field: string): SideExtension {
	const mimeType = (binary.mimeType ?? '').split(';')[0].trim().toLowerCase();
	const nameExtension = fileNameExtension(binary);
	if (!UNSPECIFIC_MIME_TYPES.includes(mimeType)) {
		const fromMimeType = EXTENSION_BY_MIME_TYPE[mimeType];
		if (fromMimeType) {
			// Keep "jpeg" when the file is called that; both name the same content type.
			const sameType =
				isSideExtension(nameExtension) &&
				CONTENT_TYPE_BY_EXTENSION[nameExtension] === CONTENT_TYPE_BY_EXTENSION[fromMimeType];
			return sameType ? nameExtension : fromMimeType;
		}
	} else if (isSideExtension(nameExtension)) {
		return nameExtension;
	}
	throw new InputError(
		field,
		`The file in "${field}" is ${describeBinary(binary)}; Legitmark accepts only ${SIDE_EXTENSIONS.join(', ')} images`,
		'Convert the image to JPEG or PNG first (for example with the Edit Image node), or give the binary one of those MIME types or file name extensions.',
	);
}
