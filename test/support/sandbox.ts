/**
 * The sandbox (sandbox/, JavaScript) as TypeScript tests use it, and one setup for test files
 * that need it:
 *
 *   const env = useEngineWithSandbox('filesystem', { emulators: ['legitmark'] });
 *   // in a test: env.engine.run(...), env.storage.getObject(key), env.emulators.legitmark.calls
 *
 * The storage, the emulators and (with useEngineWithSandbox) the engine start once per file;
 * injected faults and latency are cleared after each test; everything closes at the end.
 */
import { SETUP_TIMEOUT_MS, startEngine, type BinaryMode, type Engine } from './engine';
import type { LegitmarkEmulator } from './emulators/legitmark';
import type { UpscaylEmulator } from './emulators/upscayl';
import type { SiviEmulator } from './emulators/sivi';
import type { ScreeningEagleEmulator } from './emulators/screening-eagle';
import type { ClosientEmulator } from './emulators/closient';

/* eslint-disable @typescript-eslint/no-require-imports */
const { startStorage } = require('../../sandbox/storage') as {
	startStorage(options?: StorageOptions): Promise<StorageSandbox>;
};
const { startEmulator } = require('../../sandbox') as {
	startEmulator<N extends EmulatorName>(
		name: N,
		options: { port: number; storage: StorageSandbox },
	): Promise<Emulators[N]>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

// ---- storage ---------------------------------------------------------------------------------

export interface PutTarget {
	method: 'PUT';
	url: string;
	headers: Record<string, string>;
	expiresAt: string;
}

export interface PostTarget {
	method: 'POST';
	url: string;
	fields: Record<string, string>;
	expiresAt: string;
}

export interface MultipartTarget {
	method: 'MULTIPART';
	uploadId: string;
	key: string;
	partSize: number;
	parts: Array<{ partNumber: number; url: string }>;
	completeUrl: string;
	abortUrl: string;
	expiresAt: string;
}

export interface PresignOptions {
	contentType?: string;
	expiresIn?: number;
	signingDate?: Date;
}

export interface StoredObject {
	size: number;
	sha256: string;
	md5: string;
	contentType: string;
	etag: string;
	body: Buffer;
	headers: Record<string, string>;
	lastModified: Date;
}

/** A fault the storage answers with instead of doing the operation (sandbox/storage/faults.js). */
export interface StorageFault {
	method?: string;
	/** Substring of the request's path and query. */
	pathIncludes?: string;
	/** Fire on the nth matching request (1-based), then on `times - 1` more. */
	nth?: number;
	times?: number;
	/** Instead of nth and times: every nth matching request fails, until cleared. */
	every?: number;
	status?: number;
	code?: string;
	message?: string;
	retryAfter?: number;
	resetMidBody?: boolean;
	latencyMs?: number;
}

export interface InjectedFault {
	readonly matched: number;
	readonly fired: number;
	readonly done: boolean;
}

export interface StorageRequest {
	method: string;
	path: string;
	operation?: string;
	/** 0 when no answer was sent (reset, or the client went away). */
	status: number | null;
	inFlightAtStart: number;
	fault?: 'reset' | 'status';
}

export interface StorageSandbox {
	url: string;
	bucket: string;
	faults: { inject(fault: StorageFault): InjectedFault; clear(): void };
	readonly stats: { requests: StorageRequest[]; inFlight: number; maxInFlight: number };
	resetStats(): void;
	setLatency(ms: number): void;
	/** 'arrival': a request came in; 'request': it was answered or dropped; 'object': a key was stored. */
	on(event: 'arrival' | 'request', listener: (request: StorageRequest) => void): void;
	on(event: 'object', listener: (key: string) => void): void;
	off(event: string, listener: (...args: never[]) => void): void;
	presignPut(
		key: string,
		options?: PresignOptions & { signedHeaders?: Record<string, string> },
	): Promise<PutTarget>;
	presignGet(key: string, options?: PresignOptions): Promise<{ method: 'GET'; url: string }>;
	presignPost(
		key: string,
		options?: PresignOptions & { maxBytes?: number; minBytes?: number },
	): Promise<PostTarget>;
	createMultipartUpload(
		key: string,
		options?: PresignOptions & { size: number; partSize?: number },
	): Promise<MultipartTarget>;
	getObject(key: string): StoredObject | undefined;
	listObjects(): string[];
	/** Multipart uploads neither completed nor aborted. */
	listUploads(): Array<{ uploadId: string; key: string; parts: number[] }>;
	clear(): void;
	close(): Promise<void>;
}

// ---- emulators (sandbox/json-api/) -------------------------------------------------------------

export interface EmulatorCall {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON, the text when it is not JSON, undefined when empty. */
	body: unknown;
	/** The API key header as sent. */
	auth?: string;
}

export interface EmulatorFailure {
	status: number;
	times?: number;
	method?: string;
	path?: string | RegExp;
	/** A route as declared, e.g. 'GET /api/v2/sr/:uuid'. */
	route?: string;
	message?: string;
	details?: unknown;
	/** Sent as is instead of the provider's envelope. */
	body?: unknown;
	headers?: Record<string, string>;
	/** Instead of times: every nth matching request fails, until cleared. */
	every?: number;
}

/** What every emulator built on the JSON-API kit offers. */
export interface JsonApiEmulator {
	url: string;
	port: number;
	calls: EmulatorCall[];
	failNext(failure: EmulatorFailure): void;
	/** The next matching calls get exactly this answer (status, body, headers), not the envelope. */
	answerNext(failure: EmulatorFailure): void;
	clearFaults(): void;
	setLatency(ms: number): void;
	reset(): void;
	close(): Promise<void>;
}

/** Emulator name in sandbox/index.js EMULATORS → its handle. */
export interface Emulators {
	legitmark: LegitmarkEmulator;
	upscayl: UpscaylEmulator;
	sivi: SiviEmulator;
	'screening-eagle': ScreeningEagleEmulator;
	closient: ClosientEmulator;
}

export type EmulatorName = keyof Emulators;

// ---- setup -----------------------------------------------------------------------------------

export interface SandboxEnv<E extends EmulatorName> {
	readonly storage: StorageSandbox;
	readonly emulators: Pick<Emulators, E>;
}

export interface EngineWithSandbox<E extends EmulatorName> extends SandboxEnv<E> {
	readonly engine: Engine;
}

/** How the storage behaves: `aclsEnabled: false` answers x-amz-acl as a bucket with ACLs disabled. */
export interface StorageOptions {
	port?: number;
	aclsEnabled?: boolean;
}

export interface SandboxOptions<E extends EmulatorName> {
	emulators?: E[];
	storage?: StorageOptions;
}

/** The storage and the named emulators for one test file (see the top of this file). */
export function useSandbox<E extends EmulatorName = never>({
	emulators = [],
	storage = {},
}: SandboxOptions<E> = {}): SandboxEnv<E> {
	const env = { emulators: {} } as { storage: StorageSandbox; emulators: Pick<Emulators, E> };
	const started = () => emulators.map((name) => env.emulators[name]).filter(Boolean);
	beforeAll(async () => {
		env.storage = await startStorage(storage);
		for (const name of emulators) {
			env.emulators[name] = await startEmulator(name, { port: 0, storage: env.storage });
		}
	}, SETUP_TIMEOUT_MS);
	afterEach(() => {
		env.storage?.faults.clear();
		env.storage?.setLatency(0);
		for (const emulator of started()) {
			emulator.clearFaults();
			emulator.setLatency(0);
		}
	});
	afterAll(async () => {
		for (const emulator of started()) await emulator.close();
		await env.storage?.close();
	});
	return env;
}

/** useSandbox, plus the real engine in `mode`. */
export function useEngineWithSandbox<E extends EmulatorName = never>(
	mode: BinaryMode,
	options: SandboxOptions<E> = {},
): EngineWithSandbox<E> {
	const env = useSandbox(options) as SandboxEnv<E> & { engine: Engine };
	beforeAll(async () => {
		env.engine = await startEngine(mode);
	}, SETUP_TIMEOUT_MS);
	afterAll(() => env.engine?.dispose());
	return env;
}
