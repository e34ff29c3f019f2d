import type { IDataObject } from 'n8n-workflow';

import { asObject, nonEmptyText } from '../../transfer';
import { retakeSidesOf, verdictOfEvent } from './verdict';

export const EVENT_TYPES = ['state_change', 'media_rejected', 'invalidate_sr'] as const;

/** The delivered event as JSON, or why it is not one. */
export function parseEvent(rawBody: Buffer): IDataObject | string {
	let parsed: unknown;
	try {
		parsed = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return 'the body is not JSON';
	}
	const event = asObject(parsed);
	if (!event || !nonEmptyText(event.event_type)) return 'the body has no event_type';
	return event;
}

/** Reference IDs from a comma-separated field; empty means every reference. */
export function referenceIdList(text: string): string[] {
	return text
		.split(',')
		.map((id) => id.trim())
		.filter((id) => id !== '');
}

/** Why the trigger lets this event pass without starting the workflow, if it does. */
export function ignoredBecause(
	event: IDataObject,
	events: string[],
	referenceIds: string[],
): string | undefined {
	if (!events.includes(String(event.event_type))) {
		return `event type ${String(event.event_type)} is not selected`;
	}
	if (referenceIds.length > 0 && !referenceIds.includes(String(event.reference_id ?? ''))) {
		return `reference_id ${String(event.reference_id ?? '(none)')} is not in the filter`;
	}
	return undefined;
}

/** The item the trigger emits: the event as Legitmark sent it, plus what to branch on. */
export function triggerItem(
	event: IDataObject,
	delivery: { id: string; timestamp: number },
): IDataObject {
	const item: IDataObject = { ...event, verdict: verdictOfEvent(event) };
	if (event.event_type === 'media_rejected') {
		item.retakeSides = retakeSidesOf(event.sides) as unknown as IDataObject[];
	}
	item.deliveryId = delivery.id;
	item.deliveredAt = new Date(delivery.timestamp * 1000).toISOString();
	return item;
}
