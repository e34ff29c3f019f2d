// The Screening Eagle Inspect emulator (sandbox/providers/screening-eagle.js) as tests use it.
import type { JsonApiEmulator, StorageSandbox } from '../sandbox';

export interface ScreeningEagleFile {
	id: string;
	key: string;
	assetID: string;
	contentType: string;
	hash: string;
	name: string;
	size: number;
	status: 'pending' | 'uploaded';
	/** What storage held when the complete call checked it. */
	received?: { sha256Base64: string; size: number; contentType: string };
}

export interface ScreeningEagleAttachment {
	id: string;
	fileID: string;
	name: string;
	remarks: string;
	type: number;
	createdAt: number;
	updatedAt: number;
}

export interface ScreeningEagleSpot {
	id: string;
	assetID: string;
	spotTemplateID: string;
	complete: boolean;
	fields: Record<string, unknown>;
	createdAt: number;
	attachments: ScreeningEagleAttachment[];
}

export interface ScreeningEagleFailure {
	status: number;
	message?: string;
	/** The envelope's `error` code, e.g. Forbidden. */
	error?: string;
	method?: string;
	path?: string | RegExp;
	times?: number;
}

export interface CompleteRoute {
	method: string;
	/** A route pattern; `:fileId` takes the id from the path. */
	path: string;
}

export interface ScreeningEagleEmulator extends Omit<JsonApiEmulator, 'failNext'> {
	token: string;
	complete: CompleteRoute;
	files: Map<string, ScreeningEagleFile>;
	spots: Map<string, ScreeningEagleSpot>;
	failNext(failure: ScreeningEagleFailure): void;
}

export interface ScreeningEagleOptions {
	port?: number;
	storage: StorageSandbox;
	token?: string;
	authHeader?: string;
	complete?: CompleteRoute;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const emulator = require('../../../sandbox/providers/screening-eagle') as {
	startScreeningEagle(options: ScreeningEagleOptions): Promise<ScreeningEagleEmulator>;
	DEFAULT_TOKEN: string;
	ASSETS: Record<'bridge' | 'tunnel' | 'dam', { id: string; name: string }>;
	SPOT_TEMPLATE: { id: string; name: string };
	DEFAULT_COMPLETE: CompleteRoute;
};

export const { startScreeningEagle, DEFAULT_TOKEN, ASSETS, SPOT_TEMPLATE, DEFAULT_COMPLETE } =
	emulator;
