/**
 * Every node's one-step upload as the reliability tests drive it against the sandbox: how to
 * build the node, where its URL request and its register call go, and how the emulator shows
 * that a file was registered. One entry per node; the fault matrix and the load test use them.
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import type { NodeSpec } from './engine';
import {
	useEngineWithSandbox,
	type EmulatorName,
	type Emulators,
	type StorageSandbox,
} from './sandbox';
import { SIDES } from './emulators/legitmark';
import { ASSETS } from './emulators/screening-eagle';

export interface SubjectEnv {
	readonly storage: StorageSandbox;
	readonly emulators: Emulators;
}

/** Every emulator a subject uploads through. */
const SUBJECT_EMULATORS: EmulatorName[] = [
	'legitmark',
	'screening-eagle',
	'sivi',
	'closient',
	'upscayl',
];

/**
 * The engine (filesystem binary mode) with the storage and every subject's emulator, all emptied
 * (calls, faults, objects, request counts) before each test.
 */
export function useSubjectSandbox() {
	const env = useEngineWithSandbox('filesystem', { emulators: SUBJECT_EMULATORS });
	beforeEach(() => {
		for (const name of SUBJECT_EMULATORS) env.emulators[name].reset();
		env.storage.clear();
		env.storage.resetStats();
	});
	return { env, sandbox: env as unknown as SubjectEnv };
}

/** An API call, as the emulators' failNext and call log match it. */
export interface CallMatch {
	method: string;
	path: RegExp;
}

export interface UploadSubject {
	/** The node as users see it, with its operation. */
	title: string;
	emulator?: EmulatorName;
	/** The file the node is fed: a type its provider accepts. */
	file: { fileName: string; mimeType: string };
	/** How the bytes reach storage. */
	storageMethod: 'PUT' | 'POST';
	/** The node, ready to run after `prepare`; `options` go into its Options collection. */
	node(env: SubjectEnv, options: Record<string, unknown>, name?: string): Promise<NodeSpec>;
	credentials(env: SubjectEnv): Record<string, ICredentialDataDecryptedObject>;
	/** The call that hands out the upload URL. */
	urlRequest?: CallMatch;
	/** A 200 answer to the URL request that lacks what an upload needs, in the provider's shape. */
	answerWithoutUrl?: unknown;
	/** The message the node gives for that answer. */
	withoutUrlMessage?: RegExp;
	/** The call that registers the uploaded file, and how many files the emulator has registered. */
	register?: CallMatch & { registered(env: SubjectEnv): number };
	/** Whether the provider publishes rate limits the node waits out (429 then succeeds). */
	waitsOutRateLimits: boolean;
	/** Multipart: a failed completion leaves parts, not an object. */
	multipart: boolean;
	/** Where the uploaded files go, when the provider stores other objects too (results). */
	keyPrefix?: string;
}

const nodeSpec = (
	name: string,
	type: string,
	credential: string,
	parameters: INodeParameters,
): NodeSpec => ({
	name,
	type,
	parameters,
	credentials: { [credential]: { id: `${type}Sandbox`, name: `${type} sandbox` } },
});

const calls = (env: SubjectEnv, name: EmulatorName, match: CallMatch) =>
	env.emulators[name].calls.filter(
		(call) => call.method === match.method && match.path.test(call.path),
	);

/** Calls the emulator received that match. */
export function callsTo(env: SubjectEnv, subject: UploadSubject, match?: CallMatch): number {
	if (!subject.emulator || !match) return 0;
	return calls(env, subject.emulator, match).length;
}

/** Sivi's Upload File of one kind: the same credential, URL request and answer shape for all. */
function siviSubject(kind: {
	title: string;
	file: UploadSubject['file'];
	parameters: INodeParameters;
	registerPath: RegExp;
	registered: (env: SubjectEnv) => number;
}): UploadSubject {
	return {
		title: kind.title,
		emulator: 'sivi',
		file: kind.file,
		storageMethod: 'PUT',
		async node(_env, options, name = 'Upload') {
			return nodeSpec(name, 'sivi', 'siviApi', { ...kind.parameters, options: options as never });
		},
		credentials: (env) => ({
			siviApi: {
				apiKey: env.emulators.sivi.apiKey,
				baseUrl: env.emulators.sivi.baseUrl,
				apiPlan: 'general',
			},
		}),
		urlRequest: { method: 'POST', path: /\/files\/get-presigned-url$/ },
		answerWithoutUrl: { status: 200, body: { method: 'PUT', headers: {} } },
		withoutUrlMessage: /uploadUrl/,
		register: { method: 'POST', path: kind.registerPath, registered: kind.registered },
		waitsOutRateLimits: false,
		multipart: false,
	};
}

export const SUBJECTS: UploadSubject[] = [
	{
		title: 'Presigned Upload (PUT)',
		file: { fileName: 'report.bin', mimeType: 'application/octet-stream' },
		storageMethod: 'PUT',
		async node(env, options, name = 'Upload') {
			const target = await env.storage.presignPut('generic/report.bin', {});
			return {
				name,
				type: 'presignedUpload',
				parameters: { target: target as never, options: options as never },
			};
		},
		credentials: () => ({}),
		waitsOutRateLimits: false,
		multipart: false,
	},
	{
		title: 'Legitmark: Upload File',
		emulator: 'legitmark',
		file: { fileName: 'front.jpg', mimeType: 'image/jpeg' },
		storageMethod: 'PUT',
		async node(env, options, name = 'Upload') {
			const sr = env.emulators.legitmark.seedServiceRequest();
			return nodeSpec(name, 'legitmark', 'legitmarkApi', {
				resource: 'image',
				operation: 'uploadFile',
				serviceRequestId: sr.uuid,
				// One side per item, so that every item has its own object.
				sideId: `={{ ${JSON.stringify(SIDES.map((side) => side.uuid))}[$json.index % ${SIDES.length}] }}`,
				options: options as never,
			});
		},
		credentials: (env) => ({
			legitmarkApi: {
				apiKey: env.emulators.legitmark.apiKey,
				baseUrl: env.emulators.legitmark.url,
				assetBaseUrl: env.emulators.legitmark.url,
			},
		}),
		urlRequest: { method: 'GET', path: /^\/intent$/ },
		answerWithoutUrl: { success: true },
		withoutUrlMessage: /Legitmark answered the upload intent without a URL/,
		waitsOutRateLimits: false,
		multipart: false,
	},
	{
		title: 'Screening Eagle Inspect: Upload File',
		emulator: 'screening-eagle',
		file: { fileName: 'crack.jpg', mimeType: 'image/jpeg' },
		storageMethod: 'PUT',
		async node(_env, options, name = 'Upload') {
			return nodeSpec(name, 'screeningEagleInspect', 'screeningEagleInspectApi', {
				resource: 'file',
				operation: 'uploadFile',
				assetId: ASSETS.bridge.id,
				options: options as never,
			});
		},
		credentials: (env) => ({
			screeningEagleInspectApi: {
				baseUrl: env.emulators['screening-eagle'].url,
				token: env.emulators['screening-eagle'].token,
				authScheme: 'bearer',
			},
		}),
		urlRequest: { method: 'POST', path: /\/file\/upload\/presigned$/ },
		answerWithoutUrl: { data: {} },
		withoutUrlMessage: /answered the presigned upload request without a file id/,
		register: {
			method: 'POST',
			path: /\/file\/upload\/complete$/,
			registered: (env) =>
				[...env.emulators['screening-eagle'].files.values()].filter(
					(file) => file.status === 'uploaded',
				).length,
		},
		waitsOutRateLimits: false,
		multipart: false,
	},
	siviSubject({
		title: 'Sivi: Upload File (media)',
		file: { fileName: 'logo.png', mimeType: 'image/png' },
		parameters: { resource: 'media', operation: 'uploadFile', type: 'logo' },
		registerPath: /\/media\/create$/,
		registered: (env) => env.emulators.sivi.media.size,
	}),
	siviSubject({
		title: 'Sivi: Upload File (font)',
		file: { fileName: 'Brand-Regular.ttf', mimeType: 'font/ttf' },
		parameters: { resource: 'font', operation: 'uploadFile' },
		registerPath: /\/font\/create$/,
		registered: (env) => env.emulators.sivi.jobs.size,
	}),
	{
		title: 'Closient Scanner: Upload File',
		emulator: 'closient',
		file: { fileName: 'photo.jpg', mimeType: 'image/jpeg' },
		storageMethod: 'POST',
		async node(env, options, name = 'Upload') {
			const session = env.emulators.closient.seedSession();
			return nodeSpec(name, 'closientScanner', 'closientApi', {
				resource: 'photo',
				operation: 'uploadFile',
				sessionId: session.id,
				photoType: 'front',
				options: options as never,
			});
		},
		credentials: (env) => ({
			closientApi: { apiKey: env.emulators.closient.apiKey, baseUrl: env.emulators.closient.url },
		}),
		urlRequest: { method: 'GET', path: /\/presigned-upload-url$/ },
		answerWithoutUrl: { s3_key: 'scans/x.jpg', upload_fields: { key: 'scans/x.jpg' } },
		withoutUrlMessage: /without what an upload needs/,
		register: {
			method: 'POST',
			path: /\/photos$/,
			registered: (env) =>
				[...env.emulators.closient.sessions.values()].reduce(
					(sum, session) => sum + session.photos.length,
					0,
				),
		},
		waitsOutRateLimits: true,
		multipart: false,
	},
	{
		title: 'Upscayl: Upload File (multipart)',
		emulator: 'upscayl',
		file: { fileName: 'product.png', mimeType: 'image/png' },
		storageMethod: 'PUT',
		async node(_env, options, name = 'Upload') {
			return nodeSpec(name, 'upscayl', 'upscaylApi', {
				resource: 'file',
				operation: 'uploadFile',
				options: options as never,
			});
		},
		credentials: (env) => ({
			upscaylApi: { apiKey: env.emulators.upscayl.apiKey, baseUrl: env.emulators.upscayl.url },
		}),
		urlRequest: { method: 'POST', path: /^\/get-upload-url$/ },
		answerWithoutUrl: { status: 'success', data: { uploadId: 'u-1', path: 'uploads/x.png' } },
		withoutUrlMessage: /part/i,
		register: {
			method: 'POST',
			path: /^\/complete-multipart-upload$/,
			registered: (env) =>
				[...env.emulators.upscayl.uploads.values()].filter((upload) => upload.completed).length,
		},
		waitsOutRateLimits: false,
		multipart: true,
	},
	{
		title: 'Upscayl: Upscale File (multipart, task, result)',
		emulator: 'upscayl',
		file: { fileName: 'product.png', mimeType: 'image/png' },
		storageMethod: 'PUT',
		async node(_env, options, name = 'Upload') {
			return nodeSpec(name, 'upscayl', 'upscaylApi', {
				resource: 'task',
				operation: 'upscaleFile',
				model: 'digital-art-4x',
				scale: 2,
				saveImageAs: 'png',
				options: { pollIntervalSeconds: 0.1, processingTimeoutSeconds: 60, ...options } as never,
			});
		},
		credentials: (env) => ({
			upscaylApi: { apiKey: env.emulators.upscayl.apiKey, baseUrl: env.emulators.upscayl.url },
		}),
		urlRequest: { method: 'POST', path: /^\/get-upload-url$/ },
		answerWithoutUrl: { status: 'success', data: { uploadId: 'u-1', path: 'uploads/x.png' } },
		withoutUrlMessage: /part/i,
		register: {
			method: 'POST',
			path: /^\/complete-multipart-upload$/,
			registered: (env) =>
				[...env.emulators.upscayl.uploads.values()].filter((upload) => upload.completed).length,
		},
		waitsOutRateLimits: false,
		multipart: true,
		// The upscaled result is stored beside the upload, under results/.
		keyPrefix: 'uploads/',
	},
];
