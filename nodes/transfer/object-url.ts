import { quoted } from './post-form';
import type { UploadTarget } from './types';

/** S3's key encoding: every byte but the unreserved characters, `/` kept as the path separator. */
function encodeKey(key: string): string {
	return key
		.split('/')
		.map((segment) =>
			encodeURIComponent(segment).replace(
				/[!'()*]/g,
				(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
			),
		)
		.join('/');
}

/** The URL without its query and fragment: what is left of a presigned URL is the address. */
function withoutQuery(url: string): string {
	const parsed = new URL(url);
	parsed.search = '';
	parsed.hash = '';
	return parsed.toString();
}

function formKey(fields: Record<string, string>): string | undefined {
	const name = Object.keys(fields).find((field) => field.toLowerCase() === 'key');
	return name === undefined ? undefined : fields[name];
}

/**
 * Where the upload put the object, as a URL without query (bucket and key), when the target says
 * it: a PUT's or a part's URL, or a POST form's URL with its `key` field (S3 puts the file name the
 * form sent in place of `${filename}`). Undefined for a POST form without a `key` field.
 */
export function objectUrlOf(target: UploadTarget, fileName: string): string | undefined {
	if (target.method === 'PUT') return withoutQuery(target.url);
	if (target.method === 'MULTIPART') return withoutQuery(target.parts[0].url);
	const key = formKey(target.fields);
	if (key === undefined) return undefined;
	const bucketUrl = withoutQuery(target.url).replace(/\/+$/, '');
	return `${bucketUrl}/${encodeKey(key.replaceAll('${filename}', quoted(fileName)))}`;
}
