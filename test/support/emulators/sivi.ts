// The Sivi emulator (sandbox/providers/sivi.js) as tests use it.
import type { JsonApiEmulator } from '../sandbox';

export interface SiviMedia {
	mId: string;
	type: string;
	subType: string;
	bId: string | null;
	url: string;
	/** The storage key of the registered file (the emulator's own bookkeeping). */
	key: string;
}

export interface SiviFontJob {
	requestId: string;
	urls: string[];
	state: 'pending' | 'processing' | 'completed' | 'failed';
	reason?: string;
}

export interface SiviFailure {
	status: number;
	message?: string;
	method?: string;
	path?: string | RegExp;
	times?: number;
	/** Seconds, sent as Retry-After. */
	retryAfter?: number;
}

export interface SiviEmulator extends Omit<JsonApiEmulator, 'failNext'> {
	/** `<url>/api/prod/v2`: the credential's Base URL. */
	baseUrl: string;
	apiKey: string;
	media: Map<string, SiviMedia>;
	fonts: Map<string, { id: string; name: string; source: string }>;
	jobs: Map<string, SiviFontJob>;
	/** Signs these headers into later upload URLs as well, and returns them in `headers`. */
	setSignedHeaders(headers?: Record<string, string>): void;
	/** The next matching calls answer `status` in Sivi's envelope. */
	failNext(failure: SiviFailure): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const emulator = require('../../../sandbox/providers/sivi') as {
	DEFAULT_API_KEY: string;
	BASE_PATH: string;
};

export const { DEFAULT_API_KEY, BASE_PATH } = emulator;
