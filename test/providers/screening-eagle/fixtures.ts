// Shared ids, hosts and workflow pieces for the Screening Eagle Inspect request-contract tests.
// The node runs on n8n's real engine (test/support/engine.ts); nock stands in for the Inspect API
// and for the storage behind its presigned URLs.
import nock from 'nock';
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import type { NodeSpec } from '../../support/engine';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternSha256 } = require('../../../sandbox/bytes');

export const API = 'https://inspect-eu.example.com';
export const STORAGE = 'https://inspect-files.s3.eu-central-1.amazonaws.com';
export const TOKEN = 'se_unit_test_token';
export const BEARER = `Bearer ${TOKEN}`;

export const ASSET = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
export const FILE_ID = '6f1c2b8e-0d4a-4c3e-9b7a-2e5f8d1c0a11';
export const SECOND_FILE_ID = '6f1c2b8e-0d4a-4c3e-9b7a-2e5f8d1c0a12';
export const TEMPLATE = '9b2d4f60-1a3c-4e5f-8a7b-6c5d4e3f2a10';
export const SPOT = 'c0ffee00-1a3c-4e5f-8a7b-6c5d4e3f2a99';

export const SIZE = 2048;
export const PRESIGNED_PATH = '/api/inspect/v1/file/upload/presigned';
export const COMPLETE_PATH = '/api/inspect/v1/file/upload/complete';
export const OBJECT_PATH = `/inspect/${ASSET}/${FILE_ID}`;

export const credentials = {
	screeningEagleInspectApi: { baseUrl: API, token: TOKEN, authScheme: 'bearer' },
};

export const base64Of = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

/** The base64 SHA-256 of the test file of item `seed - 1`. */
export const hashOf = (seed = 1, size = SIZE) => base64Of(patternSha256(size, seed));

/** A SigV4-shaped presigned PUT URL signed now for content-type and host, as the API returns one. */
export function presignedUrl(path = OBJECT_PATH): string {
	const signedAt = new Date()
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
	const query = new URLSearchParams({
		'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
		'X-Amz-Credential': 'AKIAUNIT/20261123/eu-central-1/s3/aws4_request',
		'X-Amz-Date': signedAt,
		'X-Amz-Expires': '900',
		'X-Amz-SignedHeaders': 'content-type;host',
		'X-Amz-Signature': 'f00dfeed',
	});
	return `${STORAGE}${path}?${query.toString()}`;
}

/** The announcement the node must send for the test file. */
export function announcement(
	fields: Record<string, string | number> = {},
): Record<string, string | number> {
	return {
		assetID: ASSET,
		contentType: 'image/jpeg',
		hash: hashOf(),
		name: 'crack.jpg',
		size: SIZE,
		...fields,
	};
}

/** The Inspect API, expecting the Bearer token on every call. */
export const api = () => nock(API, { reqheaders: { authorization: BEARER } });

export function files(parameters: IDataObject = {}): NodeSpec {
	return {
		name: 'Files',
		type: 'binarySource',
		parameters: {
			count: 1,
			size: SIZE,
			fileName: 'crack.jpg',
			mimeType: 'image/jpeg',
			...parameters,
		},
	};
}

export function inspect(parameters: INodeParameters, extra: Partial<INode> = {}): NodeSpec {
	return {
		name: 'Inspect',
		type: 'screeningEagleInspect',
		parameters,
		credentials: { screeningEagleInspectApi: { id: 'seUnit', name: 'Screening Eagle unit tests' } },
		...extra,
	};
}
