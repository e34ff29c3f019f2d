import type { IDataObject } from 'n8n-workflow';

import { asObject } from '../../transfer';

export interface SideSummary {
	uuid: string;
	name: string;
}

export interface SideProgress {
	current_required?: number;
	total_required?: number;
	current_optional?: number;
	total_optional?: number;
	met?: boolean;
}

/** Legitmark returns a service request under `sr` on most endpoints, under `data` on some. */
export function serviceRequestOf(body: unknown): IDataObject {
	const envelope = asObject(body) ?? {};
	return asObject(envelope.sr) ?? asObject(envelope.data) ?? envelope;
}

export function progressOf(serviceRequest: IDataObject): SideProgress | undefined {
	return asObject(asObject(serviceRequest.sides)?.progress) as SideProgress | undefined;
}

/** A required side counts as present once it lists at least one uploaded image (`media_url`). */
export function missingRequiredSides(serviceRequest: IDataObject): SideSummary[] {
	const required = asObject(serviceRequest.sides)?.required;
	if (!Array.isArray(required)) return [];
	return required
		.map((side) => asObject(side) ?? {})
		.filter((side) => !Array.isArray(side.media_url) || side.media_url.length === 0)
		.map((side) => ({ uuid: String(side.uuid ?? ''), name: String(side.name ?? 'unnamed side') }));
}

export function describeSides(sides: SideSummary[]): string {
	return sides.map((side) => `${side.name} (${side.uuid})`).join(', ');
}

/** "1 of 2 required sides present; missing: Front (…)" — as much as the answer tells. */
export function describeProgress(serviceRequest: IDataObject): string {
	const progress = progressOf(serviceRequest);
	const missing = missingRequiredSides(serviceRequest);
	const counts =
		progress?.total_required === undefined
			? 'required sides are missing'
			: `${progress.current_required ?? 0} of ${progress.total_required} required sides present`;
	return missing.length > 0 ? `${counts}; missing: ${describeSides(missing)}` : counts;
}
