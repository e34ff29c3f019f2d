// Shared ids, hosts and workflow pieces for the Legitmark request-contract tests. The node runs on
// n8n's real engine (test/support/engine.ts); nock stands in for Legitmark and for S3.
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import type { NodeSpec } from '../../support/engine';

export const PLATFORM = 'https://api.legitmark.com';
export const ASSET = 'https://asset.legitmark.com';
export const STORAGE = 'https://s3.us-east-1.amazonaws.com';
export const API_KEY = 'leo_unit_test_key';
export const BEARER = `Bearer ${API_KEY}`;

export const SR = '8e61c991-553a-4a58-9eb6-561b64c11908';
export const FRONT = '3c14e504-8134-11ef-9e85-02d0d7ecc26b';
export const SIZE_TAG = 'ec883c70-f896-47c9-81b6-8d6ff0b5856a';

export const credentials = {
	legitmarkApi: { apiKey: API_KEY, baseUrl: PLATFORM, assetBaseUrl: ASSET },
};

export const ALL_SIGNED = ['cache-control', 'content-type', 'host', 'x-amz-acl'];

function amzDate(date: Date): string {
	return date
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

/** A SigV4-shaped presigned PUT URL for the object key, as Legitmark's /intent returns one. */
export function presignedUrl(
	key: string,
	{ signedHeaders = ALL_SIGNED, signedAt = new Date(), expires = 300 } = {},
): string {
	const query = new URLSearchParams({
		'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
		'X-Amz-Credential': 'AKIAUNITTEST/20261122/us-east-1/s3/aws4_request',
		'X-Amz-Date': amzDate(signedAt),
		'X-Amz-Expires': String(expires),
		'X-Amz-Signature': 'f00dfeed',
		'X-Amz-SignedHeaders': signedHeaders.join(';'),
	});
	return `${STORAGE}/cdn.legitmark.com/${key}?${query.toString()}`;
}

export const objectPath = (side: string) => `/cdn.legitmark.com/sr/${SR}/${side}`;

export function photos(parameters: IDataObject = {}): NodeSpec {
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

export function legitmark(parameters: INodeParameters, extra: Partial<INode> = {}): NodeSpec {
	return {
		name: 'Legitmark',
		type: 'legitmark',
		parameters,
		credentials: { legitmarkApi: { id: 'legitmarkUnit', name: 'Legitmark unit tests' } },
		...extra,
	};
}
