// The Closient Scanner emulator (sandbox/providers/closient.js) as tests use it.
import type { JsonApiEmulator } from '../sandbox';

export interface ClosientPhoto {
	id: string;
	photo_type: string;
	s3_key: string;
	original_filename: string;
	sort_order: number;
	file_size: number;
	metadata: Record<string, unknown>;
	capture_short_id: string | null;
}

/** A session as the emulator keeps it. */
export interface ClosientSession {
	id: string;
	status: 'ACTIVE' | 'COMPLETED' | 'EXPIRED';
	capture_mode: string;
	extraction_status: string;
	metadata: Record<string, unknown>;
	photos: ClosientPhoto[];
	issuedKeys: Map<string, string>;
}

export interface ClosientFailure {
	status: number;
	message?: string;
	details?: string | { detail?: string; error_code?: string; retryable?: boolean };
	method?: string;
	path?: string | RegExp;
	times?: number;
	/** Seconds, sent as Retry-After and retry_after_seconds. */
	retryAfter?: number;
}

export interface ClosientEmulator extends Omit<JsonApiEmulator, 'failNext'> {
	apiKey: string;
	sessions: Map<string, ClosientSession>;
	/** A fresh ACTIVE session made without an HTTP call; its public view (id, status, …). */
	seedSession(body?: Record<string, unknown>): { id: string; status: string };
	/** The next matching calls answer `status` as problem details. */
	failNext(failure: ClosientFailure): void;
	setRateLimit(settings: { limit: number; windowSeconds: number }): void;
	/** 429 answers the rate-limit window gave since the last reset. */
	rateLimitRefusals(): number;
	setMaxPhotoBytes(bytes: number): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const emulator = require('../../../sandbox/providers/closient') as {
	DEFAULT_API_KEY: string;
	PHOTO_TYPES: string[];
	DEFAULTS: { maxPhotoBytes: number; expiresIn: number };
	makeKey(prefix: string, body: string): string;
};

export const { DEFAULT_API_KEY, PHOTO_TYPES, DEFAULTS, makeKey } = emulator;
