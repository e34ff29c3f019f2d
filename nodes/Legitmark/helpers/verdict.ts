import type { IDataObject } from 'n8n-workflow';

import { asObject, nonEmptyText } from '../../transfer';

/** What a service request's state means to the seller, one word a workflow can branch on. */
export type Verdict = 'authentic' | 'not_authentic' | 'retake_photos' | 'cancelled' | 'in_progress';

export const VERDICTS: Verdict[] = [
	'authentic',
	'not_authentic',
	'retake_photos',
	'cancelled',
	'in_progress',
];

export interface ServiceRequestState {
	primary?: string;
	supplement?: string | null;
}

/**
 * Legitmark's two-part state as a verdict: COMPLETE+APPROVED is authentic, COMPLETE+REJECTED not
 * authentic, QC+REJECTED asks for new photos, CANCELLED ends the request; anything else is still
 * on its way (DRAFT, QC+PENDING, UNDERWAY, or COMPLETE before its outcome is set).
 */
export function verdictOfState(state: ServiceRequestState | undefined): Verdict {
	const primary = String(state?.primary ?? '').toUpperCase();
	const supplement = String(state?.supplement ?? '').toUpperCase();
	if (primary === 'CANCELLED') return 'cancelled';
	if (primary === 'COMPLETE' && supplement === 'APPROVED') return 'authentic';
	if (primary === 'COMPLETE' && supplement === 'REJECTED') return 'not_authentic';
	if (primary === 'QC' && supplement === 'REJECTED') return 'retake_photos';
	return 'in_progress';
}

export function stateOf(value: unknown): ServiceRequestState | undefined {
	return asObject(value) as ServiceRequestState | undefined;
}

/** A side Legitmark wants photographed again, with its reason in words a person can act on. */
export interface RetakeSide {
	side: string;
	sideUuid?: string;
	reason: string;
	message?: string;
}

/** The `sides` of a media_rejected event; Legitmark names the guidance `message` or `reason_description`. */
export function retakeSidesOf(sides: unknown): RetakeSide[] {
	if (!Array.isArray(sides)) return [];
	return sides.map((entry) => {
		const side = asObject(entry) ?? {};
		const retake: RetakeSide = {
			side: nonEmptyText(side.side) ?? nonEmptyText(side.name) ?? 'unnamed side',
			reason: nonEmptyText(side.reason) ?? 'unspecified',
		};
		const uuid = nonEmptyText(side.side_uuid);
		if (uuid) retake.sideUuid = uuid;
		const message = nonEmptyText(side.message) ?? nonEmptyText(side.reason_description);
		if (message) retake.message = message;
		return retake;
	});
}

/** The verdict a webhook event carries: its state, or what the event itself says. */
export function verdictOfEvent(event: IDataObject): Verdict {
	if (event.event_type === 'media_rejected') return 'retake_photos';
	if (event.event_type === 'invalidate_sr') return 'cancelled';
	return verdictOfState(stateOf(event.state));
}
