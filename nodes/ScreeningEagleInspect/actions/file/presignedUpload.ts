import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ApiError, InputError } from '../../../shared/errors';
import { readBinaryPropertyName } from '../../../shared/fields';
import { asObject, digestBinary, nonEmptyText, type PutTarget } from '../../../transfer';
import { contentTypeOf } from '../../helpers/contentType';
import { sha256Base64Of } from '../../helpers/hash';
import { screeningEagle } from '../../transport';
import { readAssetId } from '../fields';

/** Screening Eagle's presigned URLs live 15 minutes. */
const URL_LIFETIME_MS = 15 * 60 * 1000;

export const PRESIGNED_PATH = '/api/inspect/v1/file/upload/presigned';

/** What the node tells Screening Eagle about the file, as the API names it. */
export interface Announcement {
	assetID: string;
	contentType: string;
	hash: string;
	name: string;
	size: number;
}

export interface PresignedUpload {
	fileId: string;
	/** Screening Eagle already stores this file (200, no URL): nothing to upload. */
	alreadyUploaded: boolean;
	announced: Announcement;
	target?: PutTarget;
}

/** The output fields every file step shares. */
export function fileJson(upload: PresignedUpload): IDataObject {
	const { announced } = upload;
	return {
		fileId: upload.fileId,
		alreadyUploaded: upload.alreadyUploaded,
		assetId: announced.assetID,
		name: announced.name,
		contentType: announced.contentType,
		size: announced.size,
		hash: announced.hash,
	};
}

function option(ctx: IExecuteFunctions, itemIndex: number, name: string): string {
	return String(ctx.getNodeParameter(`options.${name}`, itemIndex, '') ?? '').trim();
}

/** Checks the inputs, digests the binary (streamed) and builds what is announced. */
async function announce(ctx: IExecuteFunctions, itemIndex: number): Promise<Announcement> {
	const assetID = readAssetId(ctx, itemIndex);
	const field = readBinaryPropertyName(ctx, itemIndex);
	const typedHash = option(ctx, itemIndex, 'sha256Base64');
	const hash = typedHash ? sha256Base64Of(typedHash, 'SHA-256 (Base64)') : undefined;
	const binary = ctx.helpers.assertBinaryData(itemIndex, field);
	const contentType = contentTypeOf(option(ctx, itemIndex, 'contentType'), binary.mimeType ?? '');
	const digest = await digestBinary(ctx, itemIndex, field);
	if (hash && hash !== digest.sha256Base64) {
		throw new InputError(
			'SHA-256 (Base64)',
			`"SHA-256 (Base64)" does not match the file in "${field}" (its SHA-256 is ${digest.sha256Base64})`,
			'Screening Eagle would refuse the upload. Leave the field empty to let the node hash the file.',
		);
	}
	return {
		assetID,
		contentType,
		hash: digest.sha256Base64,
		name: option(ctx, itemIndex, 'fileName') || digest.fileName,
		size: digest.bytes,
	};
}

/**
 * Announces the item's file and returns where to upload it. Screening Eagle answers 201 with a
 * presigned URL, or 200 with only the id when it already stores a file with this hash.
 */
export async function requestPresignedUpload(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<PresignedUpload> {
	const announced = await announce(this, itemIndex);
	const answer = await screeningEagle.request(this, {
		method: 'POST',
		path: PRESIGNED_PATH,
		body: { ...announced },
		// Screening Eagle answers a repeated announcement of the same file with the same file id.
		retrySafe: true,
	});
	const data = asObject(answer.data);
	const fileId = nonEmptyText(data?.id);
	if (!fileId) {
		throw new ApiError(
			'Screening Eagle Inspect answered the presigned upload request without a file id',
			{
				description: `It answered: ${JSON.stringify(answer).slice(0, 200)}`,
			},
		);
	}
	const url = nonEmptyText(data?.presignedURL);
	if (!url) return { fileId, alreadyUploaded: true, announced };
	return {
		fileId,
		alreadyUploaded: false,
		announced,
		target: {
			method: 'PUT',
			url,
			headers: { 'Content-Type': announced.contentType },
			expiresAt: new Date(Date.now() + URL_LIFETIME_MS).toISOString(),
		},
	};
}
