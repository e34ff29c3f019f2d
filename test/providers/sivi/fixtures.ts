// Shared hosts and workflow pieces for the Sivi request-contract tests. The node runs on n8n's
// real engine (test/support/engine.ts); nock stands in for Sivi and for its S3 storage.
import nock from 'nock';
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import type { NodeSpec } from '../../support/engine';

export const SIVI = 'https://connect.sivi.ai';
export const ROOT = '/api/prod/v2/general';
export const STORAGE = 'https://media.hellosivi.com';
export const API_KEY = 'sivi_unit_test_key';

export const credentials = {
	siviApi: { apiKey: API_KEY, baseUrl: `${SIVI}/api/prod/v2`, apiPlan: 'general' },
};

function amzDate(date: Date): string {
	return date
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

/** A SigV4-shaped presigned PUT URL on Sivi's media host, as Get Presigned URL returns one. */
export function presignedUrl(
	path: string,
	{ signedAt = new Date(), expires = 300, signedHeaders = 'content-type;host' } = {},
): string {
	const query = new URLSearchParams({
		'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
		'X-Amz-Credential': 'AKIAUNITTEST/20261123/us-east-1/s3/aws4_request',
		'X-Amz-Date': amzDate(signedAt),
		'X-Amz-Expires': String(expires),
		'X-Amz-Signature': 'f00dfeed',
		'X-Amz-SignedHeaders': signedHeaders,
	});
	return `${STORAGE}${path}?${query.toString()}`;
}

/** Sivi's envelope around a successful answer. */
export const ok = (body: IDataObject) => ({ status: 200, body });

/** nock for Sivi's API with the key checked on every call. */
export const siviApi = () => nock(SIVI, { reqheaders: { 'sivi-api-key': API_KEY } });

/** nock for the media host: no Sivi key, no chunked body. */
export const storageHost = (reqheaders: Record<string, string>) =>
	nock(STORAGE, { reqheaders, badheaders: ['sivi-api-key', 'transfer-encoding', 'authorization'] });

export function files(parameters: IDataObject = {}): NodeSpec {
	return {
		name: 'Files',
		type: 'binarySource',
		parameters: {
			count: 1,
			size: 2048,
			fileName: 'logo.png',
			mimeType: 'image/png',
			...parameters,
		},
	};
}

export function sivi(parameters: INodeParameters, extra: Partial<INode> = {}): NodeSpec {
	return {
		name: 'Sivi',
		type: 'sivi',
		parameters,
		credentials: { siviApi: { id: 'siviUnit', name: 'Sivi unit tests' } },
		...extra,
	};
}
