import type { IDataObject } from 'n8n-workflow';

import { ApiError } from '../../shared/errors';
import {
	asObject,
	isObject,
	nonEmptyText,
	presignedUrlExpiry,
	type PutTarget,
} from '../../transfer';

/** Whether a value looks like Sivi's Get Presigned URL answer rather than a target. */
export function isPresignAnswer(value: unknown): value is IDataObject {
	return isObject(value) && typeof value.uploadUrl === 'string' && value.url === undefined;
}

/**
 * The upload target of a Get Presigned URL answer: its method and exactly its headers, nothing
 * added. The URL is signed for those headers, so guessing others would break the signature.
 */
export function targetOf(answer: IDataObject, now = Date.now()): PutTarget {
	const url = nonEmptyText(answer.uploadUrl);
	if (!url) throw new ApiError('Sivi answered the presigned URL request without an uploadUrl');
	const method = (nonEmptyText(answer.method) ?? '').toUpperCase();
	if (method !== 'PUT') {
		throw new ApiError(
			`Sivi asked for an upload by ${method || 'no method'}; only PUT is documented`,
			{
				description:
					'Get Presigned URL documents method PUT. Upload this file with the Presigned Upload node instead.',
			},
		);
	}
	const headers = asObject(answer.headers);
	if (!headers || Object.keys(headers).length === 0) {
		throw new ApiError(
			'Sivi answered the presigned URL request without the headers to upload with',
			{
				description:
					'The upload URL is signed for the headers Sivi returns; without them it would be refused.',
			},
		);
	}
	const seconds = Number(answer.expiresIn);
	const expiry =
		presignedUrlExpiry(url) ??
		(Number.isFinite(seconds) && seconds > 0 ? new Date(now + seconds * 1000) : undefined);
	return {
		method: 'PUT',
		url,
		headers: Object.fromEntries(
			Object.entries(headers).map(([name, value]) => [name, String(value)]),
		),
		expiresAt: expiry?.toISOString(),
	};
}
