// Every error path the nodes have, driven with servers that echo what they were sent: no key,
// signature, credential scope, token or policy may surface in a message, a description, an output
// item, a stored execution error or a log line, and a request carrying the API key may only ever
// reach the provider's API hosts.
import nock from 'nock';

import type { NodeSpec } from '../support/engine';
import { useNockedEngine } from '../support/nock';
import {
	captureLogLines,
	exposedText,
	expectAbsent,
	watchRequests,
} from '../support/secret-hygiene';

const STORAGE = 'https://storage.example.com';
const ELSEWHERE = 'https://collector.example.net';
const PLATFORM = 'https://api.legitmark.com';
const ASSET = 'https://asset.legitmark.com';

const SIGNATURE = 'a3f1c9e07b5d42e8a3f1c9e07b5d42e8a3f1c9e07b5d42e8a3f1c9e07b5d42e8';
const KEY_ID = 'ASIAEXAMPLEKEY123456';
const SCOPE = `${KEY_ID}/20991231/us-east-1/s3/aws4_request`;
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLEsessionTOKEN/+=';
const POLICY = Buffer.from('{"expiration":"2099-12-31T00:00:00Z","conditions":[]}').toString(
	'base64',
);
const API_KEY = 'leo_hygiene_test_key_5f2a';
/** What a presigned URL carries; a POST form adds its policy. */
const URL_SECRETS = [SIGNATURE, KEY_ID, SCOPE, TOKEN];
const FORM_SECRETS = [...URL_SECRETS, POLICY];
const LEGITMARK_SECRETS = [...URL_SECRETS, API_KEY];
/** A word each echoing server puts in its answer, to prove the answer reached the user masked. */
const MARKER = 'EchoedBack';

const SR = '8e61c991-553a-4a58-9eb6-561b64c11908';
const SIDE = '3c14e504-8134-11ef-9e85-02d0d7ecc26b';

const signedQuery = new URLSearchParams({
	'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
	'X-Amz-Credential': SCOPE,
	'X-Amz-Date': '20991231T000000Z',
	'X-Amz-Expires': '900',
	'X-Amz-Security-Token': TOKEN,
	'X-Amz-SignedHeaders': 'host',
	'X-Amz-Signature': SIGNATURE,
}).toString();
const signedUrl = (path: string) => `${STORAGE}${path}?${signedQuery}`;

const PUT_TARGET = { method: 'PUT', url: signedUrl('/bucket/key'), headers: {} };
const POST_TARGET = {
	method: 'POST',
	url: `${STORAGE}/bucket`,
	fields: {
		key: 'key',
		policy: POLICY,
		'x-amz-algorithm': 'AWS4-HMAC-SHA256',
		'x-amz-credential': SCOPE,
		'x-amz-date': '20991231T000000Z',
		'x-amz-security-token': TOKEN,
		'x-amz-signature': SIGNATURE,
	},
};
const MULTIPART_TARGET = {
	method: 'MULTIPART',
	partSize: 5 * 1024 * 1024,
	parts: [{ partNumber: 1, url: signedUrl('/bucket/big') }],
	completeUrl: signedUrl('/bucket/big'),
	abortUrl: signedUrl('/bucket/big'),
};

/** What an echoing server says: the URL it got and every secret, in each encoding. */
const echo = {
	raw: `${MARKER}: ${STORAGE}/bucket/key?${signedQuery} token ${TOKEN} policy ${POLICY} scope ${SCOPE}`,
	percent: `${MARKER}: ${FORM_SECRETS.map(encodeURIComponent).join(' & ')}`,
	s3Xml:
		`<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code>` +
		`<Message>${MARKER}</Message><AWSAccessKeyId>${KEY_ID}</AWSAccessKeyId>` +
		`<StringToSign>AWS4-HMAC-SHA256\n20991231T000000Z\n${SCOPE.split('/').slice(1).join('/')}</StringToSign>` +
		`<SignatureProvided>${SIGNATURE}</SignatureProvided>` +
		`<CanonicalRequest>PUT\n/bucket/key\n${signedQuery}</CanonicalRequest></Error>`,
	s3XmlWithoutMessage: `<Error><Code>${MARKER}</Code><PolicyDocument>${POLICY}</PolicyDocument><Token>${TOKEN}</Token><Signature>${SIGNATURE}</Signature><Credential>${SCOPE}</Credential></Error>`,
	json: JSON.stringify({
		message: MARKER,
		'X-Amz-Signature': SIGNATURE,
		'X-Amz-Credential': SCOPE,
		token: TOKEN,
		policy: POLICY,
		url: signedUrl('/bucket/key'),
	}),
	html: `<html><body><h1>${MARKER}</h1><a href="/bucket/key?${signedQuery}">retry</a> ${encodeURIComponent(TOKEN)}</body></html>`,
};

const env = useNockedEngine('default');
const logs = captureLogLines();
const wire = watchRequests();

/** A network failure whose message carries what the request carried, as some proxies report it. */
const networkFailure = (code: string) =>
	Object.assign(new Error(`${code} while sending ${signedUrl('/bucket/key')} Bearer ${API_KEY}`), {
		code,
	});

const source: NodeSpec = {
	name: 'Source',
	type: 'binarySource',
	parameters: { size: 1000, fileName: 'front.jpg', mimeType: 'image/jpeg' },
};

function presignedUpload(target: unknown, options = {}): NodeSpec {
	return {
		name: 'Node',
		type: 'presignedUpload',
		parameters: { target: target as never, options: { maxAttempts: 1, ...options } as never },
	};
}

const legitmarkCredentials = {
	legitmarkApi: { apiKey: API_KEY, baseUrl: PLATFORM, assetBaseUrl: ASSET },
};

function legitmark(parameters: Record<string, unknown>): NodeSpec {
	return {
		name: 'Node',
		type: 'legitmark',
		parameters: parameters as never,
		credentials: { legitmarkApi: { id: 'hygiene', name: 'Legitmark hygiene' } },
	};
}

const legitmarkUpload = () =>
	legitmark({
		resource: 'image',
		operation: 'uploadFile',
		serviceRequestId: SR,
		sideId: SIDE,
		binaryPropertyName: 'data',
	});
const legitmarkCreate = () =>
	legitmark({
		resource: 'serviceRequest',
		operation: 'create',
		referenceId: 'SKU-1',
		categoryId: SR,
		typeId: SR,
	});

const storage = () => wire.watch(nock(STORAGE), STORAGE);
const elsewhere = () =>
	wire.watch(nock(ELSEWHERE).persist().get(/.*/).reply(200).post(/.*/).reply(200), ELSEWHERE);
const intent = () =>
	wire
		.watch(nock(ASSET), ASSET)
		.get('/intent')
		.query(true)
		.reply(200, { url: signedUrl(`/cdn.legitmark.com/sr/${SR}/${SIDE}.jpg`) });

interface Scenario {
	node: () => NodeSpec;
	/** The secrets the node holds in this scenario: the ones it must never show. */
	secrets: string[];
	arrange: () => void;
	/** Whether the server's answer is expected to reach the message (masked). */
	echoed: boolean;
}

const storageAnswers: Array<[string, number, string, string]> = [
	['an S3 error echoing the canonical request', 403, 'application/xml', echo.s3Xml],
	['an S3 error without <Message>', 403, 'application/xml', echo.s3XmlWithoutMessage],
	['a JSON body from a proxy', 400, 'application/json', echo.json],
	['an HTML page, percent-encoded', 502, 'text/html', echo.html],
	['plain text with the URL', 500, 'text/plain', echo.raw],
	['plain text, percent-encoded', 403, 'text/plain', echo.percent],
];

const scenarios: Array<[string, Scenario]> = [
	...storageAnswers.flatMap(
		([what, status, type, body]): Array<[string, Scenario]> => [
			[
				`PUT answered with ${what}`,
				{
					node: () => presignedUpload(PUT_TARGET),
					secrets: URL_SECRETS,
					arrange: () => {
						storage().put('/bucket/key').query(true).reply(status, Buffer.from(body), {
							'Content-Type': type,
						});
					},
					echoed: true,
				},
			],
			[
				`POST form answered with ${what}`,
				{
					node: () => presignedUpload(POST_TARGET),
					secrets: FORM_SECRETS,
					arrange: () => {
						storage().post('/bucket').reply(status, Buffer.from(body), { 'Content-Type': type });
					},
					echoed: true,
				},
			],
		],
	),
	[
		'a multipart part answered with an echo, then the abort',
		{
			node: () => presignedUpload(MULTIPART_TARGET),
			secrets: URL_SECRETS,
			arrange: () => {
				storage()
					.put('/bucket/big')
					.query(true)
					.reply(403, Buffer.from(echo.s3Xml))
					.delete('/bucket/big')
					.query(true)
					.reply(400, Buffer.from(echo.json));
			},
			echoed: true,
		},
	],
	[
		'a multipart completion answered with an echo',
		{
			node: () => presignedUpload(MULTIPART_TARGET),
			secrets: URL_SECRETS,
			arrange: () => {
				storage()
					.put('/bucket/big')
					.query(true)
					.reply(200, '', { ETag: '"p1"' })
					.post('/bucket/big')
					.query(true)
					.reply(400, Buffer.from(echo.s3XmlWithoutMessage))
					.delete('/bucket/big')
					.query(true)
					.reply(204);
			},
			echoed: true,
		},
	],
	[
		'a PUT failing on the network with the URL in the message',
		{
			node: () => presignedUpload(PUT_TARGET),
			secrets: URL_SECRETS,
			arrange: () => {
				storage().put('/bucket/key').query(true).replyWithError(networkFailure('ECONNRESET'));
			},
			echoed: false,
		},
	],
	[
		'a PUT timing out',
		{
			node: () => presignedUpload(PUT_TARGET, { timeoutSeconds: 1 }),
			secrets: URL_SECRETS,
			arrange: () => {
				storage().put('/bucket/key').query(true).delay(3_000).reply(200);
			},
			echoed: false,
		},
	],
	[
		'a PUT redirected to another host',
		{
			node: () => presignedUpload(PUT_TARGET),
			secrets: URL_SECRETS,
			arrange: () => {
				elsewhere();
				storage()
					.put('/bucket/key')
					.query(true)
					.reply(307, '', { Location: `${ELSEWHERE}/bucket/key?${signedQuery}` });
			},
			echoed: false,
		},
	],
	[
		'Legitmark answering 401 with the key in its message and details',
		{
			node: legitmarkCreate,
			secrets: LEGITMARK_SECRETS,
			arrange: () => {
				wire
					.watch(nock(PLATFORM), PLATFORM)
					.post('/api/v2/sr')
					.reply(401, {
						success: false,
						error: { code: 401, message: `${MARKER} ${API_KEY}`, details: `key=${API_KEY}` },
					});
			},
			echoed: true,
		},
	],
	[
		'Legitmark answering 500 in plain text with the key percent-encoded',
		{
			node: legitmarkCreate,
			secrets: LEGITMARK_SECRETS,
			arrange: () => {
				wire
					.watch(nock(PLATFORM), PLATFORM)
					.post('/api/v2/sr')
					.reply(500, Buffer.from(`${MARKER}: Bearer ${encodeURIComponent(API_KEY)}`), {
						'Content-Type': 'text/plain',
					});
			},
			echoed: true,
		},
	],
	[
		'Legitmark unreachable with the key in the network message',
		{
			node: legitmarkCreate,
			secrets: LEGITMARK_SECRETS,
			arrange: () => {
				wire
					.watch(nock(PLATFORM), PLATFORM)
					.post('/api/v2/sr')
					.replyWithError(networkFailure('ETIMEDOUT'));
			},
			echoed: false,
		},
	],
	[
		'Legitmark redirecting /intent to another host',
		{
			node: legitmarkUpload,
			secrets: LEGITMARK_SECRETS,
			arrange: () => {
				elsewhere();
				wire
					.watch(nock(ASSET), ASSET)
					.get('/intent')
					.query(true)
					.reply(302, '', { Location: `${ELSEWHERE}/intent` });
			},
			echoed: false,
		},
	],
	[
		'Legitmark redirecting a POST with 307 to another host',
		{
			node: legitmarkCreate,
			secrets: LEGITMARK_SECRETS,
			arrange: () => {
				elsewhere();
				wire
					.watch(nock(PLATFORM), PLATFORM)
					.post('/api/v2/sr')
					.reply(307, '', { Location: `${ELSEWHERE}/api/v2/sr` });
			},
			echoed: false,
		},
	],
	[
		"Legitmark's storage echoing the upload URL",
		{
			node: legitmarkUpload,
			secrets: LEGITMARK_SECRETS,
			arrange: () => {
				intent();
				storage()
					.put(`/cdn.legitmark.com/sr/${SR}/${SIDE}.jpg`)
					.query(true)
					.reply(403, Buffer.from(echo.s3Xml));
			},
			echoed: true,
		},
	],
	[
		"Legitmark's storage redirecting the upload to another host",
		{
			node: legitmarkUpload,
			secrets: LEGITMARK_SECRETS,
			arrange: () => {
				elsewhere();
				intent();
				storage()
					.put(`/cdn.legitmark.com/sr/${SR}/${SIDE}.jpg`)
					.query(true)
					.reply(307, '', { Location: `${ELSEWHERE}/upload` });
			},
			echoed: false,
		},
	],
];

describe.each([
	['stops the workflow', 'stopWorkflow'],
	['continues with an error item', 'continueRegularOutput'],
] as const)('when the node %s', (_mode, onError) => {
	beforeEach(() => logs.clear());

	it.each(scenarios)('%s: no secret surfaces anywhere', async (_case, scenario) => {
		scenario.arrange();

		const run = await env.engine.run({
			nodes: [source, { ...scenario.node(), onError }],
			credentials: legitmarkCredentials,
		});

		const shown = exposedText(run);
		// The run did fail, and what the server said reached the user: the checks bite.
		expect(shown).toMatch(/\[item 0\]/);
		if (scenario.echoed) expect(shown).toContain(MARKER);
		expect(logs.lines().length).toBeGreaterThan(0);
		expectAbsent(scenario.secrets, shown, logs.lines());
		expect(wire.seen().length).toBeGreaterThan(0);
		const keyWentTo = wire.carrying(API_KEY);
		// The API calls did carry the key, so the watcher sees what requests carry.
		if (scenario.secrets.includes(API_KEY)) expect(keyWentTo.length).toBeGreaterThan(0);
		expect(keyWentTo.filter((origin) => origin !== PLATFORM && origin !== ASSET)).toEqual([]);
		expect(wire.seen().filter((r) => r.origin === ELSEWHERE)).toEqual([]);
	});
});
