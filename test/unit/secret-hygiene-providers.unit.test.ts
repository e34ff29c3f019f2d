// Secret hygiene for every provider node: each provider's credential and error envelope, with
// servers that echo what they were sent. No key, token, signature, credential scope or policy may
// surface in a message, a description, an output item, a stored execution error or a log line,
// and a request carrying the key may only reach the provider's own API.
import nock from 'nock';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { NodeSpec } from '../support/engine';
import { useNockedEngine } from '../support/nock';
import {
	captureLogLines,
	exposedText,
	expectAbsent,
	watchRequests,
} from '../support/secret-hygiene';
import { makeKey } from '../support/emulators/closient';

const STORAGE = 'https://storage.example.com';
const MARKER = 'EchoedBack';
const SIGNATURE = 'c0ffee07b5d42e8a3f1c9e07b5d42e8a3f1c9e07b5d42e8a3f1c9e07b5d42e8a3';
const KEY_ID = 'ASIAHYGIENEKEY654321';
const SCOPE = `${KEY_ID}/20991231/us-east-1/s3/aws4_request`;
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLEproviderTOKEN/+=';
const POLICY = Buffer.from(
	'{"expiration":"2099-12-31T00:00:00Z","conditions":[["eq","$key","k"]]}',
).toString('base64');
const URL_SECRETS = [SIGNATURE, KEY_ID, SCOPE, TOKEN];
const UUID = '8e61c991-553a-4a58-9eb6-561b64c11908';
const SESSION = '7pXk2mQ9rT4vW8yB3cD6fG';

const signedQuery = new URLSearchParams({
	'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
	'X-Amz-Credential': SCOPE,
	'X-Amz-Date': '20991231T000000Z',
	'X-Amz-Expires': '900',
	'X-Amz-Security-Token': TOKEN,
	'X-Amz-SignedHeaders': 'host',
	'X-Amz-Signature': SIGNATURE,
}).toString();
const signedUrl = (path: string, query = '') => `${STORAGE}${path}?${query}${signedQuery}`;
const S3_ECHO =
	`<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code>` +
	`<Message>${MARKER}</Message><AWSAccessKeyId>${KEY_ID}</AWSAccessKeyId>` +
	`<SignatureProvided>${SIGNATURE}</SignatureProvided>` +
	`<CanonicalRequest>PUT\n/bucket/key\n${signedQuery}</CanonicalRequest></Error>`;

interface Route {
	method: 'get' | 'post';
	path: string;
}

interface Provider {
	name: string;
	api: string;
	/** The credential's secret: the API key or token. */
	secret: string;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	file: { fileName: string; mimeType: string };
	node: NodeSpec;
	urlRequest: Route;
	/** A good answer to the URL request, pointing at STORAGE. */
	urlAnswer: { status: number; body: unknown };
	/** Answers the upload at STORAGE, successfully or with `reply`. */
	storage: (scope: nock.Scope, status: number, body: string) => void;
	storageSecrets: string[];
	register?: Route;
	/** The provider's error envelope, echoing the secret in every field it has. */
	envelope: (status: number, secret: string) => unknown;
}

const putAt = (path: string) => (scope: nock.Scope, status: number, body: string) =>
	scope
		.put(path)
		.query(true)
		.reply(status, Buffer.from(body), status < 300 ? { ETag: '"e1"' } : {});

const nodeOf = (
	type: string,
	credential: string,
	parameters: Record<string, unknown>,
): NodeSpec => ({
	name: 'Node',
	type,
	parameters: { ...parameters, options: { maxAttempts: 1 } } as never,
	credentials: { [credential]: { id: 'hygiene', name: 'hygiene' } },
});

const PROVIDERS: Provider[] = [
	{
		name: 'Legitmark',
		api: 'https://asset.legitmark.com',
		secret: 'leo_provider_hygiene_key_8c1d',
		credentials: {
			legitmarkApi: {
				apiKey: 'leo_provider_hygiene_key_8c1d',
				baseUrl: 'https://api.legitmark.com',
				assetBaseUrl: 'https://asset.legitmark.com',
			},
		},
		file: { fileName: 'front.jpg', mimeType: 'image/jpeg' },
		node: nodeOf('legitmark', 'legitmarkApi', {
			resource: 'image',
			operation: 'uploadFile',
			serviceRequestId: UUID,
			sideId: UUID,
		}),
		urlRequest: { method: 'get', path: '/intent' },
		urlAnswer: { status: 200, body: { url: signedUrl('/bucket/key') } },
		storage: putAt('/bucket/key'),
		storageSecrets: URL_SECRETS,
		envelope: (status, secret) => ({
			success: false,
			error: { code: status, message: `${MARKER} ${secret}`, details: `key=${secret}` },
		}),
	},
	{
		name: 'Screening Eagle Inspect',
		api: 'https://inspect.example.org',
		secret: 'se_provider_hygiene_token_2b7e',
		credentials: {
			screeningEagleInspectApi: {
				baseUrl: 'https://inspect.example.org',
				token: 'se_provider_hygiene_token_2b7e',
				authScheme: 'bearer',
			},
		},
		file: { fileName: 'crack.jpg', mimeType: 'image/jpeg' },
		node: nodeOf('screeningEagleInspect', 'screeningEagleInspectApi', {
			resource: 'file',
			operation: 'uploadFile',
			assetId: UUID,
		}),
		urlRequest: { method: 'post', path: '/api/inspect/v1/file/upload/presigned' },
		urlAnswer: {
			status: 201,
			body: { data: { presignedURL: signedUrl('/bucket/key'), id: UUID } },
		},
		storage: putAt('/bucket/key'),
		storageSecrets: URL_SECRETS,
		register: { method: 'post', path: '/api/inspect/v1/file/upload/complete' },
		envelope: (_status, secret) => ({
			error: `${MARKER} ${secret}`,
			errorDescription: `Bearer ${secret}`,
		}),
	},
	{
		name: 'Sivi',
		api: 'https://connect.sivi.ai',
		secret: 'sivi_provider_hygiene_key_5e90',
		credentials: {
			siviApi: {
				apiKey: 'sivi_provider_hygiene_key_5e90',
				baseUrl: 'https://connect.sivi.ai/api/prod/v2',
				apiPlan: 'general',
			},
		},
		file: { fileName: 'logo.png', mimeType: 'image/png' },
		node: nodeOf('sivi', 'siviApi', { resource: 'media', operation: 'uploadFile', type: 'logo' }),
		urlRequest: { method: 'post', path: '/api/prod/v2/general/files/get-presigned-url' },
		urlAnswer: {
			status: 200,
			body: {
				status: 200,
				body: {
					uploadUrl: signedUrl('/bucket/key'),
					method: 'PUT',
					headers: { 'Content-Type': 'image/png' },
					expiresIn: 300,
					fileName: 'key.png',
				},
			},
		},
		storage: putAt('/bucket/key'),
		storageSecrets: URL_SECRETS,
		register: { method: 'post', path: '/api/prod/v2/general/media/create' },
		envelope: (status, secret) => ({ status, body: { message: `${MARKER} ${secret}` } }),
	},
	{
		name: 'Closient Scanner',
		api: 'https://www.closient.com',
		secret: makeKey('csb', 'HygieneKeyHygieneKeyHygieneKey77'),
		credentials: {
			closientApi: {
				apiKey: makeKey('csb', 'HygieneKeyHygieneKeyHygieneKey77'),
				baseUrl: 'https://www.closient.com',
			},
		},
		file: { fileName: 'photo.jpg', mimeType: 'image/jpeg' },
		node: nodeOf('closientScanner', 'closientApi', {
			resource: 'photo',
			operation: 'uploadFile',
			sessionId: SESSION,
			photoType: 'front',
		}),
		urlRequest: {
			method: 'get',
			path: `/scanner/api/v1/sessions/${SESSION}/presigned-upload-url`,
		},
		urlAnswer: {
			status: 200,
			body: {
				upload_url: `${STORAGE}/bucket`,
				upload_fields: {
					key: 'k',
					policy: POLICY,
					'x-amz-algorithm': 'AWS4-HMAC-SHA256',
					'x-amz-credential': SCOPE,
					'x-amz-date': '20991231T000000Z',
					'x-amz-security-token': TOKEN,
					'x-amz-signature': SIGNATURE,
				},
				s3_key: 'k',
				expires_in: 3600,
			},
		},
		storage: (scope, status, body) => scope.post('/bucket').reply(status, Buffer.from(body)),
		storageSecrets: [...URL_SECRETS, POLICY],
		register: { method: 'post', path: `/scanner/api/v1/sessions/${SESSION}/photos` },
		envelope: (status, secret) => ({
			type: 'about:blank',
			title: MARKER,
			status,
			detail: `X-API-Key ${secret}`,
			error_code: 'unauthorized',
			retryable: false,
		}),
	},
	{
		name: 'Upscayl',
		api: 'https://api.upscayl.org',
		secret: 'upscayl-provider-hygiene-key-3f6a',
		credentials: {
			upscaylApi: {
				apiKey: 'upscayl-provider-hygiene-key-3f6a',
				baseUrl: 'https://api.upscayl.org',
			},
		},
		file: { fileName: 'shoe.png', mimeType: 'image/png' },
		node: nodeOf('upscayl', 'upscaylApi', { resource: 'file', operation: 'uploadFile' }),
		urlRequest: { method: 'post', path: '/get-upload-url' },
		urlAnswer: {
			status: 200,
			body: {
				status: 'success',
				data: {
					uploadId: 'u-1',
					partUrls: [
						{ partNumber: 1, signedUrl: signedUrl('/bucket/key', 'partNumber=1&uploadId=u-1&') },
					],
					partSize: 1000,
					fileName: 'key.png',
					fileType: 'image/png',
					fileSize: 1000,
					originalFileName: 'shoe.png',
					path: 'uploads/key.png',
					createdAt: 1_900_000_000,
					expiresAt: 4_000_000_000,
				},
			},
		},
		storage: putAt('/bucket/key'),
		storageSecrets: URL_SECRETS,
		register: { method: 'post', path: '/complete-multipart-upload' },
		envelope: (_status, secret) => ({ error: 'UNAUTHORIZED', message: `${MARKER} ${secret}` }),
	},
];

const env = useNockedEngine('default');
const logs = captureLogLines();
const wire = watchRequests();

function api(provider: Provider, route: Route) {
	return wire.watch(nock(provider.api), provider.api)[route.method](route.path).query(true);
}
const storage = () => wire.watch(nock(STORAGE), STORAGE);

interface Scenario {
	/** Whether the server's words reach the user (masked), proving the check sees them. */
	echoed: boolean;
	arrange: (provider: Provider) => void;
}

const SCENARIOS: Record<string, Scenario> = {
	'the URL request refused with the key in the envelope': {
		echoed: true,
		arrange: (p) => api(p, p.urlRequest).reply(401, p.envelope(401, p.secret) as nock.Body),
	},
	'the URL request answered with plain text, the key percent-encoded': {
		echoed: true,
		arrange: (p) =>
			api(p, p.urlRequest).reply(400, Buffer.from(`${MARKER}: ${encodeURIComponent(p.secret)}`), {
				'Content-Type': 'text/plain',
			}),
	},
	'the URL request answered with an HTML page echoing the key': {
		echoed: true,
		arrange: (p) =>
			api(p, p.urlRequest).reply(
				200,
				Buffer.from(`<html><h1>${MARKER}</h1><p>key ${p.secret}</p></html>`),
				{ 'Content-Type': 'text/html' },
			),
	},
	"the storage echoing the upload's signature": {
		echoed: true,
		arrange: (p) => {
			api(p, p.urlRequest).reply(p.urlAnswer.status, p.urlAnswer.body as nock.Body);
			p.storage(storage(), 403, S3_ECHO);
		},
	},
	'the register call refused with the key in the envelope, after the upload': {
		echoed: true,
		arrange: (p) => {
			api(p, p.urlRequest).reply(p.urlAnswer.status, p.urlAnswer.body as nock.Body);
			p.storage(storage(), 200, '');
			api(p, p.register!).reply(500, p.envelope(500, p.secret) as nock.Body);
		},
	},
};

const CASES = PROVIDERS.flatMap((provider) =>
	Object.entries(SCENARIOS)
		.filter(([name]) => provider.register || !name.startsWith('the register call'))
		.map(([name, scenario]) => [provider.name, name, provider, scenario] as const),
);

describe.each([
	['stops the workflow', 'stopWorkflow'],
	['continues with an error item', 'continueRegularOutput'],
] as const)('when the node %s', (_mode, onError) => {
	beforeEach(() => logs.clear());

	it.each(CASES)(
		'%s, %s: no secret surfaces anywhere',
		async (_name, _case, provider, scenario) => {
			scenario.arrange(provider);

			const run = await env.engine.run({
				nodes: [
					{ name: 'Source', type: 'binarySource', parameters: { size: 1000, ...provider.file } },
					{ ...provider.node, onError },
				],
				credentials: provider.credentials,
			});

			const shown = exposedText(run);
			expect(shown).toMatch(/\[item 0\]/);
			if (scenario.echoed) expect(shown).toContain(MARKER);
			expectAbsent([provider.secret, ...provider.storageSecrets], shown, logs.lines());
			const keyWentTo = wire.carrying(provider.secret);
			// The API call carried the key, so the watcher does see what requests carry.
			expect(keyWentTo.length).toBeGreaterThan(0);
			expect(keyWentTo.filter((origin) => origin !== provider.api)).toEqual([]);
			expect(env.unexpected.count()).toBe(0);
		},
	);
});
