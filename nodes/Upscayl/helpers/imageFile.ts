import { InputError } from '../../shared/errors';

/** The file types and size Upscayl documents for uploads (its OpenAPI file). */
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
const MAX_NAME_LENGTH = 255;

const TYPE_BY_EXTENSION: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
};

export interface ImageFile {
	bytes: number;
	mimeType: string;
	fileName: string;
}

/** The binary's MIME type, or the one its file extension names when n8n saw none. */
function imageTypeOf(file: ImageFile): string {
	const given = file.mimeType.split(';')[0].trim().toLowerCase();
	if (ACCEPTED_TYPES.includes(given)) return given;
	const extension = file.fileName.split('.').pop()?.toLowerCase() ?? '';
	return TYPE_BY_EXTENSION[extension] ?? given;
}

/** The file as Upscayl wants it announced, checked against its documented limits first. */
export function announcedFile(file: ImageFile, field: string) {
	const fileType = imageTypeOf(file);
	if (!ACCEPTED_TYPES.includes(fileType)) {
		throw new InputError(
			field,
			`Upscayl upscales JPEG, PNG and WebP images; the binary "${field}" is ${fileType || 'of no known type'}`,
			'Convert the image first (for example with the Edit Image node), or pick the binary field that holds the image.',
		);
	}
	if (file.bytes <= 0 || file.bytes > MAX_FILE_BYTES) {
		throw new InputError(
			field,
			`Upscayl takes images of 1 byte to 100 MB; the binary "${field}" has ${file.bytes} bytes`,
			'Compress or resize the image before uploading it.',
		);
	}
	const originalFileName = file.fileName.slice(-MAX_NAME_LENGTH);
	return { fileSize: file.bytes, fileType, originalFileName };
}

/** The MIME type and file extension of an output format (`saveImageAs`). */
export function outputFormat(saveImageAs: string): { mimeType: string; extension: string } {
	const extension = saveImageAs.toLowerCase();
	return { mimeType: TYPE_BY_EXTENSION[extension] ?? 'application/octet-stream', extension };
}
