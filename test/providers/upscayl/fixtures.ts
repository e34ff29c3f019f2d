// Shared hosts, answers and workflow pieces for the Upscayl request-contract tests. The node runs
// on n8n's real engine (test/support/engine.ts); nock stands in for Upscayl and for S3.
import nock from 'nock';
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import type { NodeSpec } from '../../support/engine';

export const API = 'https://api.upscayl.org';
export const STORAGE = 'https://upscayl-uploads.s3.us-east-1.amazonaws.com';
export const API_KEY = 'upscayl-unit-test-key';
export const UPLOAD_ID = 'mpu-2f1c9a';
export const PATH = 'uploads/user-7/0b9e2c.png';
export const TASK_ID = '6f0d1c2e-4b1a-4c55-9a0e-3e2f1d0c9b8a';
export const CREATED_AT = 1_900_000_000;
export const EXPIRES_AT = CREATED_AT + 3600;

export const credentials = { upscaylApi: { apiKey: API_KEY, baseUrl: API } };

export function images(parameters: IDataObject = {}): NodeSpec {
	return {
		name: 'Images',
		type: 'binarySource',
		parameters: {
			count: 1,
			size: 2500,
			fileName: 'shoe.png',
			mimeType: 'image/png',
			...parameters,
		},
	};
}

export function upscayl(parameters: INodeParameters, extra: Partial<INode> = {}): NodeSpec {
	return {
		name: 'Upscayl',
		type: 'upscayl',
		parameters,
		credentials: { upscaylApi: { id: 'upscaylUnit', name: 'Upscayl unit tests' } },
		...extra,
	};
}

const partUrl = (partNumber: number) =>
	`${STORAGE}/${PATH}?partNumber=${partNumber}&uploadId=${UPLOAD_ID}&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAUNIT%2F20300318%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20300318T120000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=beef${partNumber}`;

/** The file fields of a get-upload-url answer: what start-task's `files[]` carries. */
export const FILE = {
	fileName: '0b9e2c.png',
	fileType: 'image/png',
	fileSize: 2500,
	originalFileName: 'shoe.png',
	path: PATH,
	createdAt: CREATED_AT,
	expiresAt: EXPIRES_AT,
};

/** Upscayl's answer for a 2500-byte file cut into parts of `partSize` bytes. */
export function uploadUrlAnswer(partSize = 1000, size = 2500) {
	const count = Math.ceil(size / partSize);
	return {
		status: 'success',
		data: {
			uploadId: UPLOAD_ID,
			partUrls: Array.from({ length: count }, (_, i) => ({
				partNumber: i + 1,
				signedUrl: partUrl(i + 1),
			})),
			partSize,
			...FILE,
			fileSize: size,
		},
	};
}

/** get-upload-url with the key, answering `answer`. */
export function getUploadUrl(answer: nock.Body = uploadUrlAnswer(), status = 200) {
	return nock(API, { reqheaders: { 'x-api-key': API_KEY, 'content-type': /application\/json/ } })
		.post('/get-upload-url', {
			data: { fileSize: 2500, fileType: 'image/png', originalFileName: 'shoe.png' },
		})
		.reply(status, answer);
}

/** Every part PUT: the exact length, no key, no chunked body; answers ETag "etag-<n>". */
export function partPuts(sizes = [1000, 1000, 500]) {
	const scope = nock(STORAGE, { badheaders: ['x-api-key', 'authorization', 'transfer-encoding'] });
	sizes.forEach((size, index) => {
		scope
			.put(`/${PATH}`)
			.query((query) => query.partNumber === String(index + 1) && query.uploadId === UPLOAD_ID)
			.matchHeader('content-length', String(size))
			.reply(200, '', { ETag: `"etag-${index + 1}"` });
	});
	return scope;
}

export const PARTS = [
	{ PartNumber: 1, ETag: '"etag-1"' },
	{ PartNumber: 2, ETag: '"etag-2"' },
	{ PartNumber: 3, ETag: '"etag-3"' },
];

export function completeCall(parts = PARTS) {
	return nock(API, { reqheaders: { 'x-api-key': API_KEY } })
		.post('/complete-multipart-upload', { data: { uploadId: UPLOAD_ID, key: PATH, parts } })
		.reply(200, { status: 'success', data: { status: 'success' } });
}

/** The text fields of a multipart/form-data body, as nock hands it over. */
export function formFieldsOf(body: string): Record<string, string> {
	const fields: Record<string, string> = {};
	const pattern = /name="([^"]+)"\r\n\r\n([\s\S]*?)\r\n--/g;
	for (let match = pattern.exec(body); match; match = pattern.exec(body)) {
		fields[match[1]] = match[2];
	}
	return fields;
}
