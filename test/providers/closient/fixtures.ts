// Shared ids, hosts and workflow pieces for the Closient request-contract tests. The node runs on
// n8n's real engine (test/support/engine.ts); nock stands in for Closient and for S3.
import type { INode, INodeParameters } from 'n8n-workflow';

import type { NodeSpec } from '../../support/engine';
import { makeKey } from '../../support/emulators/closient';

export const API = 'https://www.closient.com';
export const STORAGE = 'https://scanner-photos.s3.us-west-2.amazonaws.com';
export const API_KEY = makeKey('csb', 'UnitTestKeyUnitTestKeyUnitTest42');
export const SESSION = '7pXk2mQ9rT4vW8yB3cD6fG';
export const SESSION_PATH = `/scanner/api/v1/sessions/${SESSION}`;
export const S3_KEY = `scanner/photos/${SESSION}/front/Zx8Wv7Ut6Sr5Qp4Nm3Lk2J.jpg`;

export const credentials = { closientApi: { apiKey: API_KEY, baseUrl: API } };

/** The form fields in the order S3's presigned POST gives them. */
export const UPLOAD_FIELDS = {
	success_action_status: '201',
	'Content-Type': 'image/jpeg',
	bucket: 'scanner-photos',
	'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
	'X-Amz-Credential': 'AKIAUNITTEST/20261123/us-west-2/s3/aws4_request',
	'X-Amz-Date': '20261123T170000Z',
	key: S3_KEY,
	Policy: 'eyJleHBpcmF0aW9uIjoiMjAzMC0wMS0wMVQwMDowMDowMFoiLCJjb25kaXRpb25zIjpbXX0=',
	'X-Amz-Signature': 'f00dfeed',
};

export const presignedAnswer = {
	upload_url: `${STORAGE}/`,
	upload_fields: UPLOAD_FIELDS,
	s3_key: S3_KEY,
	expires_in: 3600,
};

export function photos(parameters: INodeParameters = {}): NodeSpec {
	return {
		name: 'Photos',
		type: 'binarySource',
		parameters: {
			count: 1,
			size: 2048,
			fileName: 'front.jpg',
			mimeType: 'image/jpeg',
			...parameters,
		},
	};
}

export function closient(parameters: INodeParameters, extra: Partial<INode> = {}): NodeSpec {
	return {
		name: 'Closient',
		type: 'closientScanner',
		parameters,
		credentials: { closientApi: { id: 'closientUnit', name: 'Closient unit tests' } },
		...extra,
	};
}

/** A request body as nock hands it over (hex when it is not UTF-8), as latin1 text. */
export function bodyText(body: unknown): string {
	const text = String(body);
	return /^([0-9a-f]{2})+$/.test(text) ? Buffer.from(text, 'hex').toString('latin1') : text;
}

/** The names of a multipart/form-data body's parts, in order. */
export function formPartNames(body: string): string[] {
	return [...body.matchAll(/Content-Disposition: form-data; name="([^"]+)"/g)].map((m) => m[1]);
}

/** RFC 9457 problem details as Closient answers them. */
export function problemOf(
	status: number,
	title: string,
	detail: string,
	code: string,
	retryable = false,
) {
	return {
		type: `https://closient.com/docs/errors/${code}`,
		title,
		status,
		detail,
		error_code: code,
		retryable,
		timestamp: '2026-11-23T17:00:00+00:00',
	};
}
