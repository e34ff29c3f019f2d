import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { readBinaryPropertyName } from '../../../shared/fields';
import { describeBinary, isObject, nonEmptyText } from '../../../transfer';
import { announcedFile } from '../../helpers/imageFile';
import { uploadTicketOf, type UploadTicket } from '../../helpers/uploadAnswer';
import { upscayl } from '../../transport';

/** Checks the item's image against Upscayl's limits, then asks get-upload-url for its parts. */
export async function requestUpload(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<UploadTicket> {
	const field = readBinaryPropertyName(ctx, itemIndex);
	const data = announcedFile(await describeBinary(ctx, itemIndex, field), field);
	const answer = await upscayl.request(ctx, {
		method: 'POST',
		path: '/get-upload-url',
		body: { data },
		retrySafe: true,
	});
	return uploadTicketOf(answer);
}

/** Upscayl's parts list: S3's `PartNumber` and `ETag`, ETags as the storage sent them. */
export type CompletedPart = { PartNumber: number; ETag: string };

function partOf(entry: unknown, index: number): CompletedPart {
	const part = isObject(entry) ? entry : {};
	const partNumber = Number(part.partNumber ?? part.PartNumber);
	const etag = nonEmptyText(part.etag ?? part.ETag);
	if (!Number.isInteger(partNumber) || partNumber < 1 || !etag) {
		throw new InputError(
			'Parts',
			`Part ${index + 1} of "Parts" needs a partNumber (a whole number from 1) and an etag`,
			'Map {{ $json.upload.etags }} from Upload Binary: it lists every part with its ETag.',
		);
	}
	return { PartNumber: partNumber, ETag: etag };
}

/** The parts to complete, from Upload Binary's `upload.etags` (or S3-style entries). */
export function completedParts(value: unknown): CompletedPart[] {
	let list = value;
	if (typeof value === 'string' && value.trim().startsWith('[')) {
		try {
			list = JSON.parse(value) as unknown;
		} catch {
			list = undefined;
		}
	}
	if (!Array.isArray(list) || list.length === 0) {
		throw new InputError(
			'Parts',
			'"Parts" must list the uploaded parts with their ETags',
			'Map {{ $json.upload.etags }} from Upload Binary.',
		);
	}
	const parts = list.map(partOf).sort((a, b) => a.PartNumber - b.PartNumber);
	parts.forEach((part, index) => {
		if (part.PartNumber !== index + 1) {
			throw new InputError(
				'Parts',
				`"Parts" must hold parts 1 to ${parts.length} once each; part ${index + 1} is missing or repeated`,
				'Complete only an upload whose every part was uploaded.',
			);
		}
	});
	return parts;
}

/** Upscayl's complete-multipart-upload: `key` is the path get-upload-url answered. */
export async function completeUpload(
	ctx: IExecuteFunctions,
	upload: { uploadId: string; path: string; parts: CompletedPart[] },
): Promise<IDataObject> {
	const answer = await upscayl.request(ctx, {
		method: 'POST',
		path: '/complete-multipart-upload',
		body: { data: { uploadId: upload.uploadId, key: upload.path, parts: upload.parts } },
	});
	return isObject(answer.data) ? answer.data : answer;
}
