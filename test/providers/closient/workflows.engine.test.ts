// The Closient Scanner node on n8n's real WorkflowExecute against the Closient emulator and the
// strict storage sandbox on loopback: photos stream out of n8n's filesystem binary store into S3
// presigned POST forms that storage checks (signature, policy, size range, field order).
import type { INode, INodeParameters } from 'n8n-workflow';

import type { NodeSpec } from '../../support/engine';
import { useEngineWithSandbox } from '../../support/sandbox';
import type { ClosientSession } from '../../support/emulators/closient';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternBuffer, patternSha256 } = require('../../../sandbox/bytes');

const PHOTO_BYTES = 200 * 1024 + 3;
const TYPES = ['front', 'nutrition', 'ingredients'];

// The engine's start and the rate-limit windows take seconds, more on a busy machine.
jest.setTimeout(60_000);

const env = useEngineWithSandbox('filesystem', { emulators: ['closient'] });
const closient = () => env.emulators.closient;
const credentials = () => ({
	closientApi: { apiKey: closient().apiKey, baseUrl: closient().url },
});

beforeEach(() => {
	closient().reset();
	env.storage.clear();
});

const closientCredential = { closientApi: { id: 'closientSandbox', name: 'Closient sandbox' } };

function closientNode(
	name: string,
	parameters: INodeParameters,
	extra: Partial<INode> = {},
): NodeSpec {
	return { name, type: 'closientScanner', parameters, credentials: closientCredential, ...extra };
}

function photos(parameters: INodeParameters = {}): NodeSpec {
	return {
		name: 'Photos',
		type: 'binarySource',
		parameters: {
			count: 3,
			size: PHOTO_BYTES,
			fileName: 'photo.jpg',
			mimeType: 'image/jpeg',
			...parameters,
		},
	};
}

const typeOfItem = `={{ ${JSON.stringify(TYPES)}[$json.index] }}`;

/** Upload File into `sessionId`, one photo type per item unless told otherwise. */
function uploadFile(
	sessionId: string,
	parameters: INodeParameters = {},
	extra: Partial<INode> = {},
) {
	return closientNode(
		'Upload',
		{
			resource: 'photo',
			operation: 'uploadFile',
			sessionId,
			photoType: typeOfItem,
			binaryPropertyName: 'data',
			...parameters,
		},
		extra,
	);
}

const createSession = closientNode('Create', {
	resource: 'session',
	operation: 'create',
	captureMode: 'product_photography',
});
const sessionOfRun = "={{ $('Create').first().json.sessionId }}";
const submit = closientNode(
	'Submit',
	{ resource: 'session', operation: 'submit', sessionId: sessionOfRun },
	{ executeOnce: true },
);

function onlySession(): ClosientSession {
	const all = [...closient().sessions.values()];
	expect(all).toHaveLength(1);
	return all[0];
}

/** Every photo registered with its type and size, and stored byte for byte under its key. */
function expectRegisteredPhotos(session: ClosientSession, size = PHOTO_BYTES) {
	expect(session.photos.map((photo) => [photo.photo_type, photo.file_size])).toEqual(
		TYPES.map((type) => [type, size]),
	);
	session.photos.forEach((photo, index) => {
		expect(photo.s3_key).toContain(`/${TYPES[index]}/`);
		const object = env.storage.getObject(photo.s3_key)!;
		expect(object.sha256).toBe(patternSha256(size, index + 1));
		expect(Buffer.compare(object.body, patternBuffer(size, index + 1))).toBe(0);
		expect(object.contentType).toBe('image/jpeg');
	});
	expect(env.storage.listObjects()).toHaveLength(TYPES.length);
}

describe('Closient Scanner on the real engine', () => {
	it('Create, Upload File for three photo types, Submit: photos byte-identical and registered', async () => {
		const run = await env.engine.run({
			nodes: [createSession, photos(), uploadFile(sessionOfRun), submit],
			credentials: credentials(),
		});

		for (const name of ['Create', 'Upload', 'Submit']) expect(run.error(name)).toBeUndefined();
		const session = onlySession();
		expectRegisteredPhotos(session);
		expect(session.status).toBe('COMPLETED');
		const uploads = run.output('Upload').map((item) => item.json);
		expect(uploads.map((json) => (json.upload as { method: string }).method)).toEqual([
			'POST',
			'POST',
			'POST',
		]);
		expect(uploads.map((json) => (json.photo as { photo_type: string }).photo_type)).toEqual(TYPES);
		expect(run.output('Submit')[0].json).toMatchObject({
			sessionId: session.id,
			status: 'COMPLETED',
			extraction_status: 'processing',
		});
		// Every call to Closient carried the key (the emulator's log masks it).
		expect(closient().calls.every((call) => call.headers['x-api-key'] === '***')).toBe(true);
	});

	it('Get Upload URL → Set → Upload Binary → Complete Upload gives the same result', async () => {
		const run = await env.engine.run({
			nodes: [
				createSession,
				photos(),
				closientNode('Get URL', {
					resource: 'photo',
					operation: 'getUploadUrl',
					sessionId: sessionOfRun,
					photoType: typeOfItem,
					binaryPropertyName: 'data',
				}),
				{
					name: 'Set',
					type: 'setFields',
					parameters: { fields: { checkedKey: '={{ $json.s3Key }}' } },
				},
				closientNode(
					'Upload',
					{ resource: 'photo', operation: 'uploadBinary', binaryPropertyName: 'data' },
					{ credentials: undefined },
				),
				closientNode('Register', { resource: 'photo', operation: 'complete' }),
				submit,
			],
			credentials: credentials(),
		});

		for (const name of ['Get URL', 'Upload', 'Register', 'Submit'])
			expect(run.error(name)).toBeUndefined();
		const session = onlySession();
		expectRegisteredPhotos(session);
		expect(session.status).toBe('COMPLETED');
		const target = run.output('Get URL')[0].json.target as { method: string; fields: object };
		expect(target.method).toBe('POST');
		expect(Object.keys(target.fields)).toContain('success_action_status');
		expect(run.output('Register').map((item) => item.json.s3_key)).toEqual(
			run.output('Upload').map((item) => item.json.checkedKey),
		);
	});

	it("a photo over the policy's size limit fails with the storage's EntityTooLarge and registers nothing", async () => {
		const session = closient().seedSession();
		closient().setMaxPhotoBytes(PHOTO_BYTES - 1);

		const run = await env.engine.run({
			nodes: [photos({ count: 1 }), uploadFile(session.id, { photoType: 'front' })],
			credentials: credentials(),
		});

		expect(run.error('Upload')?.message).toMatch(/EntityTooLarge/);
		expect(run.error('Upload')).toMatchObject({ httpCode: '400' });
		expect(closient().sessions.get(session.id)!.photos).toEqual([]);
		expect(env.storage.listObjects()).toEqual([]);
		expect(closient().calls.some((call) => call.path.endsWith('/photos'))).toBe(false);
	});

	it('waits out two 429 answers with Retry-After: 1 and finishes the upload', async () => {
		const session = closient().seedSession();
		closient().failNext({
			status: 429,
			path: `/scanner/api/v1/sessions/${session.id}/presigned-upload-url`,
			times: 2,
			retryAfter: 1,
		});

		const run = await env.engine.run({
			nodes: [photos({ count: 1 }), uploadFile(session.id, { photoType: 'front' })],
			credentials: credentials(),
		});

		expect(run.error('Upload')).toBeUndefined();
		expect(
			closient().calls.filter((call) => call.path.endsWith('/presigned-upload-url')),
		).toHaveLength(3);
		expect(closient().sessions.get(session.id)!.photos).toHaveLength(1);
	});

	it('30 photos, 8 at once, a 20-request window: the node throttles from the headers and meets no 429', async () => {
		const session = closient().seedSession();
		closient().setRateLimit({ limit: 20, windowSeconds: 1 });

		const run = await env.engine.run({
			nodes: [
				photos({ count: 30, size: 4096 }),
				uploadFile(session.id, { photoType: 'other', options: { itemsAtOnce: 8 } }),
			],
			credentials: credentials(),
		});

		expect(run.error('Upload')).toBeUndefined();
		expect(closient().rateLimitRefusals()).toBe(0);
		expect(closient().calls).toHaveLength(60);
		const registered = closient().sessions.get(session.id)!.photos;
		expect(registered).toHaveLength(30);
		expect(new Set(registered.map((photo) => photo.s3_key)).size).toBe(30);
	});

	it('continues on fail: the middle photo is missing, the other two are uploaded and registered', async () => {
		const session = closient().seedSession();
		const run = await env.engine.run({
			nodes: [
				photos({ missing: [1] }),
				uploadFile(session.id, {}, { onError: 'continueRegularOutput' }),
			],
			credentials: credentials(),
		});

		const items = run.output('Upload');
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toMatch(/binary/i);
		expect(
			closient()
				.sessions.get(session.id)!
				.photos.map((photo) => photo.photo_type),
		).toEqual(['front', 'ingredients']);
	});
});
