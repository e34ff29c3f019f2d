/**
 * Headers Legitmark's SDK sends with every image PUT. A presigned URL only demands the ones listed
 * in its X-Amz-SignedHeaders, and S3 treats an unsigned x-amz-* header as an error, so each is
 * sent only when signed.
 */
const HEADERS_SENT_WHEN_SIGNED: Array<{ name: string; value: string }> = [
	{ name: 'x-amz-acl', value: 'public-read' },
	{ name: 'Cache-Control', value: 'max-age=10' },
];

/** The lower-case header names a SigV4 presigned URL was signed with (always including host). */
export function signedHeaderNames(url: string): string[] {
	let query: URLSearchParams;
	try {
		query = new URL(url).searchParams;
	} catch {
		return [];
	}
	for (const [name, value] of query) {
		if (name.toLowerCase() === 'x-amz-signedheaders') {
			return value
				.split(';')
				.map((header) => header.trim().toLowerCase())
				.filter((header) => header !== '');
		}
	}
	return [];
}

/** Content-Type always (as in Legitmark's own examples), the SDK's extra headers when signed. */
export function uploadHeadersFor(url: string, contentType: string): Record<string, string> {
	const signed = signedHeaderNames(url);
	const headers: Record<string, string> = { 'Content-Type': contentType };
	for (const { name, value } of HEADERS_SENT_WHEN_SIGNED) {
		if (signed.includes(name.toLowerCase())) headers[name] = value;
	}
	return headers;
}
