import type { IDataObject } from 'n8n-workflow';

/** How many delivery ids a trigger remembers; Svix's retries of one message come within hours. */
export const REMEMBERED_DELIVERIES = 1000;

/**
 * Records a delivery id in the node's static data; false when it was seen before. The oldest ids
 * are forgotten first, so the list stays bounded.
 */
export function firstDelivery(staticData: IDataObject, id: string, limit = REMEMBERED_DELIVERIES) {
	const seen = Array.isArray(staticData.deliveryIds) ? (staticData.deliveryIds as string[]) : [];
	if (seen.includes(id)) return false;
	staticData.deliveryIds = [...seen, id].slice(-limit);
	return true;
}
