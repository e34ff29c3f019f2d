// The Sivi node on n8n's real WorkflowExecute against the Sivi emulator and the strict storage
// sandbox on loopback: files stream out of n8n's filesystem binary store into presigned PUTs
// that storage verifies (signature, signed headers, content type, length), then get registered.
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import type { NodeSpec } from '../../support/engine';
import { useEngineWithSandbox } from '../../support/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternBuffer, patternSha256 } = require('../../../sandbox/bytes');

const LOGO_BYTES = 64 * 1024 + 3;
const FONT_BYTES = 40 * 1024 + 11;

const env = useEngineWithSandbox('filesystem', { emulators: ['sivi'] });
const sivi = () => env.emulators.sivi;
const credentials = (apiKey = sivi().apiKey) => ({
	siviApi: { apiKey, baseUrl: sivi().baseUrl, apiPlan: 'general' },
});

beforeEach(() => {
	sivi().reset();
	env.storage.clear();
});

const siviCredential = { siviApi: { id: 'siviSandbox', name: 'Sivi sandbox' } };

function siviNode(name: string, parameters: INodeParameters, extra: Partial<INode> = {}): NodeSpec {
	return { name, type: 'sivi', parameters, credentials: siviCredential, ...extra };
}

function files(parameters: INodeParameters): NodeSpec {
	return { name: 'Files', type: 'binarySource', parameters: { count: 1, ...parameters } };
}

const logo = (parameters: INodeParameters = {}) =>
	files({ size: LOGO_BYTES, fileName: 'logo.png', mimeType: 'image/png', ...parameters });
const font = () => files({ size: FONT_BYTES, fileName: 'Brand-Regular.ttf', mimeType: 'font/ttf' });

const wait = { waitForCompletion: true, pollIntervalSeconds: 0.1, waitTimeoutSeconds: 30 };

function setFields(fields: INodeParameters): NodeSpec {
	return { name: 'Set', type: 'setFields', parameters: { fields } };
}

/** The one stored object, byte-identical to the item's pattern. */
function expectStored(prefix: string, size: number, contentType: string, seed = 1): string {
	const keys = env.storage.listObjects();
	expect(keys).toHaveLength(1);
	expect(keys[0].startsWith(prefix)).toBe(true);
	const object = env.storage.getObject(keys[0])!;
	expect(object.sha256).toBe(patternSha256(size, seed));
	expect(Buffer.compare(object.body, patternBuffer(size, seed))).toBe(0);
	expect(object.contentType).toBe(contentType);
	return keys[0];
}

function expectRegisteredLogo(json: IDataObject) {
	const key = expectStored('logos/', LOGO_BYTES, 'image/png');
	const media = sivi().media.get(String(json.mediaId));
	expect(media).toMatchObject({ type: 'logo', subType: 'logo', key });
	expect(json.media).toMatchObject({ mId: json.mediaId, type: 'logo', system: 'USER' });
}

function expectProcessedFont(json: IDataObject) {
	const key = expectStored('user-data/', FONT_BYTES, 'font/ttf');
	const job = sivi().jobs.get(String(json.requestId));
	expect(job?.state).toBe('completed');
	expect(json.requestStatus).toBe('completed');
	const fontId = key
		.split('/')
		.pop()!
		.replace(/\.ttf$/, '');
	expect(sivi().fonts.get(fontId)).toMatchObject({ source: 'user' });
}

const uploadLogo = siviNode('Upload', {
	resource: 'media',
	operation: 'uploadFile',
	type: 'logo',
	binaryPropertyName: 'data',
	additionalFields: { brandId: 'b_brand1' },
});

describe('Sivi on the real engine', () => {
	it('Upload File: a PNG logo arrives byte-identical and ends registered with a media ID', async () => {
		const run = await env.engine.run({ nodes: [logo(), uploadLogo], credentials: credentials() });

		expect(run.error('Upload')).toBeUndefined();
		const [item] = run.output('Upload');
		expectRegisteredLogo(item.json);
		expect(item.json.upload).toMatchObject({
			bytes: LOGO_BYTES,
			sha256: patternSha256(LOGO_BYTES, 1),
		});
		expect(sivi().media.get(String(item.json.mediaId))?.bId).toBe('b_brand1');
		// The key went to Sivi on each call, and the PUT went to storage, not to Sivi.
		expect(
			sivi().calls.map((call) => `${call.method} ${call.path.split('/').slice(-2).join('/')}`),
		).toEqual(['POST files/get-presigned-url', 'POST media/create']);
		expect(sivi().calls.every((call) => call.auth === '***')).toBe(true);
	});

	it('Upload File: a TTF font is queued and, waiting on, its request reaches completed', async () => {
		const run = await env.engine.run({
			nodes: [
				font(),
				siviNode('Upload', {
					resource: 'font',
					operation: 'uploadFile',
					binaryPropertyName: 'data',
					options: wait,
				}),
			],
			credentials: credentials(),
		});

		expect(run.error('Upload')).toBeUndefined();
		const [item] = run.output('Upload');
		expectProcessedFont(item.json);
		expect(item.json.request).toMatchObject({ status: 'completed', progress: 100 });
		expect(sivi().calls.filter((call) => call.path.endsWith('/get-request-status'))).toHaveLength(
			3,
		);
	});

	it('Upload File without waiting outputs the request ID while the font is still pending', async () => {
		const run = await env.engine.run({
			nodes: [font(), siviNode('Upload', { resource: 'font', operation: 'uploadFile' })],
			credentials: credentials(),
		});

		const [item] = run.output('Upload');
		expect(sivi().jobs.get(String(item.json.requestId))?.state).toBe('pending');
		expect(item.json.requestStatus).toBeUndefined();
	});

	it('Get Upload URL → Set → Upload Binary → Complete Upload gives the same registered logo', async () => {
		const run = await env.engine.run({
			nodes: [
				logo(),
				siviNode('Get URL', {
					resource: 'media',
					operation: 'getUploadUrl',
					type: 'logo',
					binaryPropertyName: 'data',
				}),
				setFields({ reviewedBy: 'brand team' }),
				siviNode(
					'Upload Binary',
					{ resource: 'media', operation: 'uploadBinary', binaryPropertyName: 'data' },
					{ credentials: undefined },
				),
				siviNode('Register', {
					resource: 'media',
					operation: 'complete',
					type: '={{ $json.type }}',
					uploadUrl: '={{ $json.uploadUrl }}',
				}),
			],
			credentials: credentials(),
		});

		for (const name of ['Get URL', 'Upload Binary', 'Register'])
			expect(run.error(name)).toBeUndefined();
		const [got] = run.output('Get URL');
		expect(got.json).toMatchObject({
			type: 'logo',
			extension: 'png',
			contentType: 'image/png',
			target: { method: 'PUT', headers: { 'Content-Type': 'image/png' } },
		});
		const [item] = run.output('Register');
		expect(item.json.reviewedBy).toBe('brand team');
		expectRegisteredLogo(item.json);
	});

	it('Get Upload URL (font) → Upload Binary → Font Complete Upload with waiting gives the same font', async () => {
		const run = await env.engine.run({
			nodes: [
				font(),
				siviNode('Get URL', { resource: 'media', operation: 'getUploadUrl', type: 'font' }),
				siviNode(
					'Upload Binary',
					{ resource: 'media', operation: 'uploadBinary' },
					{ credentials: undefined },
				),
				siviNode('Register', { resource: 'font', operation: 'complete', options: wait }),
			],
			credentials: credentials(),
		});

		for (const name of ['Get URL', 'Upload Binary', 'Register'])
			expect(run.error(name)).toBeUndefined();
		expectProcessedFont(run.output('Register')[0].json);
	});

	it("waiting goes on through a 429 on the status, and a font that never reached storage fails with Sivi's reason", async () => {
		sivi().failNext({ status: 429, path: /get-request-status$/ });

		const run = await env.engine.run({
			nodes: [
				font(),
				siviNode('Get URL', { resource: 'media', operation: 'getUploadUrl', type: 'font' }),
				siviNode('Register', { resource: 'font', operation: 'complete', options: wait }),
			],
			credentials: credentials(),
		});

		const error = run.error('Register');
		expect(error?.message).toMatch(
			/^Sivi's font request \S+ ended failed: Uploaded font not found in S3: http:\/\/127\.0\.0\.1:\d+\/[^?]+\.ttf \[item 0\]$/,
		);
		const lookups = sivi().calls.filter((call) => call.path.endsWith('/get-request-status'));
		expect(lookups).toHaveLength(4);
		expect(env.storage.listObjects()).toEqual([]);
	});

	it('sends a second returned header too: with x-amz-acl signed, Upload File still lands', async () => {
		sivi().setSignedHeaders({ 'x-amz-acl': 'private' });

		const run = await env.engine.run({ nodes: [logo(), uploadLogo], credentials: credentials() });

		expect(run.error('Upload')).toBeUndefined();
		const key = env.storage.listObjects()[0];
		expect(env.storage.getObject(key)?.headers).toMatchObject({ 'x-amz-acl': 'private' });
		expectRegisteredLogo(run.output('Upload')[0].json);
	});

	describe('the strict storage refuses a PUT whose headers differ from the returned ones', () => {
		const withHeaders = (headers: string) =>
			setFields({ target: `={{ Object.assign({}, $json.target, { headers: ${headers} }) }}` });

		it.each([
			['only Content-Type, without the signed x-amz-acl', '{ "Content-Type": "image/png" }'],
			['another Content-Type', '{ "Content-Type": "image/jpeg", "x-amz-acl": "private" }'],
			[
				'an extra x-amz header',
				'{ "Content-Type": "image/png", "x-amz-acl": "private", "x-amz-meta-source": "n8n" }',
			],
		])('%s', async (_, headers) => {
			sivi().setSignedHeaders({ 'x-amz-acl': 'private' });

			const run = await env.engine.run({
				nodes: [
					logo(),
					siviNode('Get URL', { resource: 'media', operation: 'getUploadUrl', type: 'logo' }),
					withHeaders(headers),
					siviNode(
						'Upload Binary',
						{ resource: 'media', operation: 'uploadBinary' },
						{ credentials: undefined },
					),
				],
				credentials: credentials(),
			});

			expect(run.error('Upload Binary')).toMatchObject({ name: 'NodeApiError', httpCode: '403' });
			expect(env.storage.listObjects()).toEqual([]);
		});
	});

	it('continues on fail: the middle item has no file and fails before any call, the other two are registered', async () => {
		const run = await env.engine.run({
			nodes: [
				logo({ count: 3, missing: [1] }),
				siviNode(
					'Upload',
					{ resource: 'media', operation: 'uploadFile', type: 'photo', binaryPropertyName: 'data' },
					{ onError: 'continueRegularOutput' },
				),
			],
			credentials: credentials(),
		});

		const items = run.output('Upload');
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toMatch(/binary/i);
		expect(items.filter((item) => item.json.mediaId)).toHaveLength(2);
		expect(sivi().media.size).toBe(2);
		expect(sivi().calls.filter((call) => call.path.endsWith('/get-presigned-url'))).toHaveLength(2);
	});

	it.each([
		[
			401,
			'Failed to authenticate request. Please add sivi-api-key header in request',
			'sivi_wrong',
		],
		[429, 'Rate limit exceeded', undefined],
		[500, 'Server internal error', undefined],
	])("keeps Sivi's %s status and message", async (status, message, apiKey) => {
		// A 5xx on the URL request is tried again, up to three times in all: fail them all.
		if (!apiKey) sivi().failNext({ status, path: /get-presigned-url$/, times: 3 });

		const run = await env.engine.run({
			nodes: [logo(), uploadLogo],
			credentials: credentials(apiKey),
		});

		expect(run.error('Upload')).toMatchObject({
			name: 'NodeApiError',
			message: `${message} [item 0]`,
			httpCode: String(status),
		});
		expect(env.storage.listObjects()).toEqual([]);
	});
});
