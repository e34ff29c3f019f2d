import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ApiError } from '../../shared/errors';
import { asObject, nonEmptyText, type PostTarget } from '../../transfer';
import { closient, SCANNER } from '../transport';
import type { PhotoType } from './photoTypes';

/** Where one photo goes: the presigned POST form and the key to register it by. */
export interface PhotoUpload {
	sessionId: string;
	photoType: PhotoType;
	originalFilename: string;
	s3Key: string;
	target: PostTarget;
}

/** Every form field as text, in the order Closient gave them: the storage checks them all. */
function formFields(value: unknown): Record<string, string> | undefined {
	const fields = asObject(value);
	if (!fields) return undefined;
	const form: Record<string, string> = {};
	for (const [name, field] of Object.entries(fields)) {
		if (typeof field !== 'string' && typeof field !== 'number' && typeof field !== 'boolean') {
			return undefined;
		}
		form[name] = String(field);
	}
	return form;
}

/** GET …/presigned-upload-url, its answer as an upload target. */
export async function requestPhotoUpload(
	ctx: IExecuteFunctions,
	photo: { sessionId: string; photoType: PhotoType; originalFilename: string },
): Promise<PhotoUpload> {
	const answer = await closient.request(ctx, {
		method: 'GET',
		path: `${SCANNER}/sessions/${encodeURIComponent(photo.sessionId)}/presigned-upload-url`,
		qs: { photo_type: photo.photoType, original_filename: photo.originalFilename },
	});
	const url = nonEmptyText(answer.upload_url);
	const fields = formFields(answer.upload_fields);
	const s3Key = nonEmptyText(answer.s3_key);
	const missing = [!url && 'upload_url', !fields && 'upload_fields', !s3Key && 's3_key'];
	if (!url || !fields || !s3Key) {
		throw new ApiError(
			'Closient answered the presigned upload URL request without what an upload needs',
			{
				description: `Missing or malformed: ${missing.filter(Boolean).join(', ')}.`,
			},
		);
	}
	const expiresIn = Number(answer.expires_in);
	const expiresAt = Number.isFinite(expiresIn)
		? new Date(Date.now() + expiresIn * 1000).toISOString()
		: undefined;
	return { ...photo, s3Key, target: { method: 'POST', url, fields, expiresAt } };
}

/** The registration of an uploaded photo against its session. */
export interface PhotoRegistration {
	sessionId: string;
	s3Key: string;
	photoType: PhotoType;
	originalFilename: string;
	fileSize?: number;
	/** capture_short_id and metadata, when given. */
	extra: IDataObject;
}

/** POST …/photos: the photo counts once it is registered with its s3_key. */
export async function registerPhoto(
	ctx: IExecuteFunctions,
	photo: PhotoRegistration,
): Promise<IDataObject> {
	const body: IDataObject = {
		s3_key: photo.s3Key,
		photo_type: photo.photoType,
		original_filename: photo.originalFilename,
		...photo.extra,
	};
	if (photo.fileSize !== undefined) body.file_size = photo.fileSize;
	const answer = await closient.request(ctx, {
		method: 'POST',
		path: `${SCANNER}/sessions/${encodeURIComponent(photo.sessionId)}/photos`,
		body,
	});
	// ASSUMPTION: the photo's short id is `id`, as in Closient's other schemas (older: public_id).
	const photoId =
		nonEmptyText(answer.id) ?? nonEmptyText(answer.short_id) ?? nonEmptyText(answer.public_id);
	return { photoId, ...answer };
}

/** The name Closient detects the extension from: the binary's own, else its documented default. */
export function originalFilenameOf(binary: { fileName?: string; fileExtension?: string }): string {
	return nonEmptyText(binary.fileName) ?? `photo.${nonEmptyText(binary.fileExtension) ?? 'jpg'}`;
}
