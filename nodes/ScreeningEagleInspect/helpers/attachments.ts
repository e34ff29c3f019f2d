import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import { uuidOf } from '../../shared/ids';
import { millisecondsOf } from './timestamps';

/** Screening Eagle's attachment types, as the API numbers them. */
export const ATTACHMENT_TYPES = [
	{ name: 'Document', value: 0 },
	{ name: 'Photo', value: 1 },
	{ name: 'Audio', value: 2 },
	{ name: 'Video', value: 3 },
] as const;

export interface AttachmentInput {
	fileId?: unknown;
	name?: unknown;
	type?: unknown;
	remarks?: unknown;
	createdAt?: unknown;
}

/** One attachment of a new spot, checked; `position` (1-based) names it in messages. */
export function attachmentOf(input: AttachmentInput, position: number, now: number): IDataObject {
	const label = (field: string) => `Attachment ${position} ${field}`;
	const name = typeof input.name === 'string' ? input.name.trim() : '';
	if (name === '') throw new InputError(label('Name'), `"${label('Name')}" must not be empty`);
	const type = Number(input.type);
	if (!ATTACHMENT_TYPES.some((entry) => entry.value === type)) {
		throw new InputError(
			label('Type'),
			`"${label('Type')}" must be one of ${ATTACHMENT_TYPES.map((t) => `${t.value} (${t.name})`).join(', ')}, got ${JSON.stringify(input.type)}`,
		);
	}
	const attachment: IDataObject = {
		fileID: uuidOf(input.fileId, label('File ID'), 'Use the fileId output of Upload File.'),
		name,
		type,
		createdAt: millisecondsOf(input.createdAt, label('Created At'), now),
		updatedAt: now,
	};
	const remarks = typeof input.remarks === 'string' ? input.remarks.trim() : '';
	if (remarks) attachment.remarks = remarks;
	return attachment;
}
