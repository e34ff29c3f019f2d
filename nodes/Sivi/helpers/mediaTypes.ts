import { InputError } from '../../shared/errors';

/** Sivi's media types with the extensions and sub-types each allows (Media Types & SubTypes). */
export const MEDIA_TYPES = {
	photo: { extensions: ['jpg', 'jpeg', 'png', 'webp'], subTypes: ['photograph'] },
	logo: { extensions: ['jpeg', 'png', 'svg', 'webp'], subTypes: ['logo'] },
	illustration: { extensions: ['svg'], subTypes: ['illustration'] },
	screenshot: {
		extensions: ['jpg', 'jpeg', 'png', 'webp'],
		subTypes: ['iphone', 'ipad', 'macbook', 'imac', 'laptop', 'desktop', 'tablet', 'smartphone'],
	},
	backdrop: {
		extensions: ['jpg', 'jpeg', 'png'],
		subTypes: ['backgroundImage', 'pattern', 'texture'],
	},
	font: { extensions: ['ttf'], subTypes: [] },
} as const satisfies Record<string, { extensions: readonly string[]; subTypes: readonly string[] }>;

export type UploadType = keyof typeof MEDIA_TYPES;
/** The types Create Media registers; fonts go through Upload Fonts instead. */
export type MediaType = Exclude<UploadType, 'font'>;

export const UPLOAD_TYPES = Object.keys(MEDIA_TYPES) as UploadType[];
export const MEDIA_ONLY_TYPES = UPLOAD_TYPES.filter((type) => type !== 'font') as MediaType[];

/** The extensions Get Presigned URL knows, with the content type each is uploaded as. */
export const CONTENT_TYPE_BY_EXTENSION: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	svg: 'image/svg+xml',
	webp: 'image/webp',
	gif: 'image/gif',
	bmp: 'image/bmp',
	tiff: 'image/tiff',
	ttf: 'font/ttf',
};

function list(values: readonly string[]): string {
	return values.join(', ');
}

/** The types that allow an extension, for the message that refuses it. */
function typesAllowing(extension: string): UploadType[] {
	return UPLOAD_TYPES.filter((type) =>
		(MEDIA_TYPES[type].extensions as readonly string[]).includes(extension),
	);
}

export function assertUploadType(
	value: unknown,
	field: string,
	allowed = UPLOAD_TYPES,
): UploadType {
	const type = typeof value === 'string' ? value.trim() : '';
	if ((allowed as string[]).includes(type)) return type as UploadType;
	throw new InputError(
		field,
		`"${field}" must be one of ${list(allowed)}, got ${type === '' ? 'nothing' : `"${type.slice(0, 40)}"`}`,
	);
}

/**
 * Refuses a file whose extension the type does not allow, naming what the type allows, before
 * any request. `file` describes the binary (MIME type, file name) for the message.
 */
export function assertExtensionAllowed(
	type: UploadType,
	extension: string | undefined,
	field: string,
	file: string,
): string {
	const allowed = MEDIA_TYPES[type].extensions as readonly string[];
	if (extension !== undefined && allowed.includes(extension)) return extension;
	const others = extension ? typesAllowing(extension).filter((other) => other !== type) : [];
	const elsewhere =
		others.length > 0
			? `A ${extension} file can go up as ${list(others)}.`
			: 'Sivi takes no such file as any type.';
	const what = extension ? `is ${extension}` : 'has no extension or MIME type Sivi knows';
	throw new InputError(
		field,
		`The file in "${field}" ${what} (${file}); Sivi's ${type} type allows only ${list(allowed)}`,
		`${elsewhere} Otherwise convert the file first, or give the binary the right MIME type or file name.`,
	);
}

/** The sub-type, checked against the type; empty means Sivi's default for the type. */
export function assertSubType(type: MediaType, value: unknown, field: string): string | undefined {
	const subType = typeof value === 'string' ? value.trim() : '';
	if (subType === '') return undefined;
	const allowed = MEDIA_TYPES[type].subTypes as readonly string[];
	if (allowed.includes(subType)) return subType;
	throw new InputError(
		field,
		`"${field}" "${subType.slice(0, 40)}" is not one of Sivi's ${type} sub-types: ${list(allowed)}`,
		`Leave it empty for Sivi's default (${allowed[0]}).`,
	);
}
