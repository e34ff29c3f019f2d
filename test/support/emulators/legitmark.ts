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

export interface LegitmarkEmulator extends Omit<JsonApiEmulator, 'failNext'> {
	apiKey: string;
	serviceRequests: Map<string, LegitmarkServiceRequest>;
	/** A DRAFT service request made without an HTTP call; its public view. */
	seedServiceRequest(fields?: { reference_id?: string }): LegitmarkServiceRequest;
	/** The next matching calls answer `status` in Legitmark's envelope (429: its rate limit). */
	failNext(failure: LegitmarkFailure): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const emulator = require('../../../sandbox/providers/legitmark') as {
	DEFAULT_API_KEY: string;
	SIDES: LegitmarkSide[];
	TAXONOMY: Record<'category' | 'type' | 'brand' | 'service', LegitmarkTaxonomyEntry>;
};

export const { DEFAULT_API_KEY, SIDES, TAXONOMY } = emulator;
