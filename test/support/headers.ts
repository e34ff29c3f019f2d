/** Headers n8n's HTTP client always adds; they are never part of a presigned signature. */
const CLIENT_HEADERS = [
	'host',
	'user-agent',
	'accept',
	'accept-encoding',
	'connection',
	'content-length',
];

/** The names of the headers a request carried beyond the client's own, sorted. */
export function headersBeyondClient(headers: Record<string, unknown>): string[] {
	return Object.keys(headers)
		.map((name) => name.toLowerCase())
		.filter((name) => !CLIENT_HEADERS.includes(name))
		.sort();
}
