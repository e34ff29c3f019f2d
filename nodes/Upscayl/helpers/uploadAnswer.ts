import type { IDataObject } from 'n8n-workflow';

import { ApiError } from '../../shared/errors';
import { asObject, nonEmptyText, type MultipartTarget } from '../../transfer';
import { isoTime } from './timestamps';

/** What Get Upload URL hands on: the ids, the file as start-task wants it, and the target. */
export interface UploadTicket {
	uploadId: string;
	/** The S3 key of the upload: `key` of complete-multipart-upload, `path` of start-task. */
	path: string;
	/** The answer's file fields (fileName, fileType, fileSize, path, createdAt, …): start-task's `files[]`. */
	file: IDataObject;
	target: MultipartTarget;
}

/** Fields of the get-upload-url answer that only the upload itself needs. */
const UPLOAD_ONLY_FIELDS = ['uploadId', 'partUrls', 'partSize'];

function unusable(what: string): ApiError {
	return new ApiError(`Upscayl answered get-upload-url without ${what}`, {
		description: 'The answer is not what Upscayl documents for POST /get-upload-url.',
	});
}

function partsOf(value: unknown): MultipartTarget['parts'] {
	if (!Array.isArray(value) || value.length === 0) throw unusable('part URLs (partUrls)');
	return value
		.map((entry) => {
			const part = asObject(entry);
			const partNumber = Number(part?.partNumber);
			const url = nonEmptyText(part?.signedUrl);
			if (!url || !Number.isInteger(partNumber) || partNumber < 1) {
				throw unusable('a partNumber and signedUrl for every part');
			}
			return { partNumber, url };
		})
		.sort((a, b) => a.partNumber - b.partNumber);
}

/** The get-upload-url answer as an upload target; the part size is Upscayl's, never assumed. */
export function uploadTicketOf(answer: IDataObject): UploadTicket {
	const data = asObject(answer.data);
	if (!data) throw unusable('data');
	const uploadId = nonEmptyText(data.uploadId);
	if (!uploadId) throw unusable('an uploadId');
	const path = nonEmptyText(data.path);
	if (!path) throw unusable('a path');
	const partSize = Number(data.partSize);
	if (!Number.isInteger(partSize) || partSize < 1) throw unusable('a part size (partSize)');
	const parts = partsOf(data.partUrls);
	parts.forEach((part, index) => {
		if (part.partNumber !== index + 1) throw unusable(`the URL of part ${index + 1}`);
	});
	const file = Object.fromEntries(
		Object.entries(data).filter(([name]) => !UPLOAD_ONLY_FIELDS.includes(name)),
	);
	const expiresAt = isoTime(data.expiresAt);
	return {
		uploadId,
		path,
		file,
		target: { method: 'MULTIPART', parts, partSize, ...(expiresAt ? { expiresAt } : {}) },
	};
}
