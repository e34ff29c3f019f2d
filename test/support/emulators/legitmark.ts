// The Legitmark emulator (sandbox/providers/legitmark.js) as tests use it.
import type { JsonApiEmulator } from '../sandbox';

export interface LegitmarkSide {
	uuid: string;
	name: string;
	required: boolean;
	group: string;
}

export interface LegitmarkTaxonomyEntry {
	uuid: string;
	name: string;
}

/** The fields tests read, both of a stored service request and of its public view. */
export interface LegitmarkServiceRequest {
	uuid: string;
	micro_id: string;
	external_id: string;
	state: { primary: string; supplement: string | null };
}

export interface LegitmarkFailure {
	status: number;
	message?: string;
	details?: string;
	method?: string;
	path?: string | RegExp;
	times?: number;
	/** Seconds, sent as Retry-After. */
	retryAfter?: number;
}

export interface LegitmarkState {
	primary: string;
	supplement?: string | null;
}

/** One attempt to deliver a webhook message to one endpoint. */
export interface WebhookDelivery {
	messageId: string;
	url: string;
	attempt: number;
	timestamp: number;
	/** The endpoint's HTTP status; 0 when it could not be reached. */
	status: number;
	response: string;
}

export interface RejectedSide {
	side: string;
	side_uuid?: string;
	reason: string;
	message?: string;
}

export interface LegitmarkEmulator extends Omit<JsonApiEmulator, 'failNext'> {
	apiKey: string;
	serviceRequests: Map<string, LegitmarkServiceRequest>;
	/** A DRAFT service request made without an HTTP call; its public view. */
	seedServiceRequest(fields?: { reference_id?: string }): LegitmarkServiceRequest;
	/** The next matching calls answer `status` in Legitmark's envelope (429: its rate limit). */
	failNext(failure: LegitmarkFailure): void;
	/** Moves a request to a state and delivers state_change to every webhook endpoint. */
	moveServiceRequest(uuid: string, state: LegitmarkState): Promise<WebhookDelivery[]>;
	/** QC+REJECTED with state_change, then media_rejected with the sides. */
	rejectMedia(uuid: string, sides: RejectedSide[]): Promise<WebhookDelivery[]>;
	/** CANCELLED, delivered as invalidate_sr. */
	invalidateServiceRequest(
		uuid: string,
		reason: { code: string; message: string },
	): Promise<WebhookDelivery[]>;
	/** States applied one by one, each just before a GET of the request is answered. */
	queueStates(uuid: string, states: LegitmarkState[]): void;
	addWebhookEndpoint(endpoint: { url: string; secret?: string }): { url: string; secret: string };
	webhookDeliveries: WebhookDelivery[];
	/** The same message (svix-id and body) again, signed with the attempt's time. */
	redeliver(messageId: string): Promise<WebhookDelivery[]>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const emulator = require('../../../sandbox/providers/legitmark') as {
	DEFAULT_API_KEY: string;
	DEFAULT_WEBHOOK_SECRET: string;
	SIDES: LegitmarkSide[];
	TAXONOMY: Record<'category' | 'type' | 'brand' | 'service', LegitmarkTaxonomyEntry>;
};

export const { DEFAULT_API_KEY, DEFAULT_WEBHOOK_SECRET, SIDES, TAXONOMY } = emulator;
