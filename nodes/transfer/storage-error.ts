/** What an S3-style XML error body says, reduced to the fields that are safe to show. */
export interface StorageErrorBody {
	code?: string;
	message?: string;
	expires?: string;
	serverTime?: string;
}

function element(xml: string, name: string): string | undefined {
	const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
	return match ? decodeXml(match[1]).trim() : undefined;
}

function decodeXml(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

export function parseStorageError(body: string): StorageErrorBody {
	if (!body.includes('<Error>')) return {};
	return {
		code: element(body, 'Code'),
		message: element(body, 'Message'),
		expires: element(body, 'Expires'),
		serverTime: element(body, 'ServerTime'),
	};
}

export function isExpiredError(status: number, body: StorageErrorBody): boolean {
	return status === 403 && /request has expired/i.test(body.message ?? '');
}

/** When a SigV4 presigned URL stops working: X-Amz-Date plus X-Amz-Expires. */
export function presignedUrlExpiry(url: string): Date | undefined {
	let query: URLSearchParams;
	try {
		query = new URL(url).searchParams;
	} catch {
		return undefined;
	}
	const date = query.get('X-Amz-Date');
	const seconds = Number(query.get('X-Amz-Expires'));
	const parts = date && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
	if (!parts || !Number.isFinite(seconds)) return undefined;
	const [, y, mo, d, h, mi, s] = parts.map(Number);
	return new Date(Date.UTC(y, mo - 1, d, h, mi, s) + seconds * 1000);
}
