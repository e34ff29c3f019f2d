// The Legitmark node on n8n's real WorkflowExecute against the Legitmark emulator and the strict
// storage sandbox on loopback: photos stream out of n8n's filesystem binary store into presigned
// PUTs that storage verifies (signature, signed headers, content type, length).
import type { INode, INodeParameters } from 'n8n-workflow';

import type { NodeSpec } from '../../support/engine';
import { useEngineWithSandbox } from '../../support/sandbox';
import { SIDES, TAXONOMY, type LegitmarkSide } from '../../support/emulators/legitmark';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternBuffer, patternSha256 } = require('../../../sandbox/bytes');

const [FRONT, SIZE_TAG] = SIDES;
const PHOTO_BYTES = 300 * 1024 + 7;

const env = useEngineWithSandbox('filesystem', { emulators: ['legitmark'] });
const legitmark = () => env.emulators.legitmark;
const credentials = () => ({
	legitmarkApi: {
		apiKey: legitmark().apiKey,
		baseUrl: legitmark().url,
		assetBaseUrl: legitmark().url,
	},
});

beforeEach(() => {
	legitmark().reset();
	env.storage.clear();
});

const legitmarkCredential = { legitmarkApi: { id: 'legitmarkSandbox', name: 'Legitmark sandbox' } };

function legitmarkNode(
	name: string,
	parameters: INodeParameters,
	extra: Partial<INode> = {},
): NodeSpec {
	return { name, type: 'legitmark', parameters, credentials: legitmarkCredential, ...extra };
}

/** Two photos, item 0 for the front and item 1 for the size tag. */
function photos(parameters: INodeParameters = {}): NodeSpec {
	return {
		name: 'Photos',
		type: 'binarySource',
		parameters: {
			count: 2,
			size: PHOTO_BYTES,
			fileName: 'photo.jpg',
			mimeType: 'image/jpeg',
			...parameters,
		},
	};
}

const sideOfItem = `={{ $json.index === 0 ? '${FRONT.uuid}' : '${SIZE_TAG.uuid}' }}`;

const createServiceRequest = legitmarkNode('Create', {
	resource: 'serviceRequest',
	operation: 'create',
	referenceId: '={{ "SKU-" + $execution.id }}',
	categoryId: TAXONOMY.category.uuid,
	typeId: TAXONOMY.type.uuid,
});

const srOfRun = "={{ $('Create').first().json.uuid }}";

const submit = legitmarkNode(
	'Submit',
	{ resource: 'serviceRequest', operation: 'complete', serviceRequestId: srOfRun },
	{ executeOnce: true },
);

function expectStoredPhoto(sr: string, side: LegitmarkSide, seed: number) {
	const object = env.storage.getObject(`sr/${sr}/${side.uuid}.jpg`)!;
	expect(object).toBeDefined();
	expect(object.sha256).toBe(patternSha256(PHOTO_BYTES, seed));
	expect(Buffer.compare(object.body, patternBuffer(PHOTO_BYTES, seed))).toBe(0);
	expect(object.contentType).toBe('image/jpeg');
	expect(object.headers).toMatchObject({
		'x-amz-acl': 'public-read',
		'cache-control': 'max-age=10',
	});
}

function onlyServiceRequest() {
	const all = [...legitmark().serviceRequests.values()];
	expect(all).toHaveLength(1);
	return all[0];
}

describe('Legitmark on the real engine', () => {
	it('Upload File for two sides, then Submit: both photos byte-identical in storage, the request in QC', async () => {
		const run = await env.engine.run({
			nodes: [
				createServiceRequest,
				photos(),
				legitmarkNode('Upload', {
					resource: 'image',
					operation: 'uploadFile',
					serviceRequestId: srOfRun,
					sideId: sideOfItem,
					binaryPropertyName: 'data',
				}),
				submit,
			],
			credentials: credentials(),
		});

		for (const name of ['Create', 'Upload', 'Submit']) expect(run.error(name)).toBeUndefined();
		const sr = onlyServiceRequest();
		expectStoredPhoto(sr.uuid, FRONT, 1);
		expectStoredPhoto(sr.uuid, SIZE_TAG, 2);
		expect(sr.state.primary).toBe('QC');
		expect(run.output('Submit')).toHaveLength(1);
		expect(run.output('Submit')[0].json).toMatchObject({ uuid: sr.uuid, state: { primary: 'QC' } });
		const uploads = run.output('Upload').map((item) => item.json.upload as { sha256: string });
		expect(uploads.map((upload) => upload.sha256)).toEqual([
			patternSha256(PHOTO_BYTES, 1),
			patternSha256(PHOTO_BYTES, 2),
		]);
		// The key went to Legitmark on every call, /intent included, as Legitmark's SDK does.
		expect(legitmark().calls.every((call) => call.auth === `Bearer ${legitmark().apiKey}`)).toBe(
			true,
		);
	});

	it('Get Upload URL → Set → Upload Binary → Wait for Requirements → Submit gives the same result', async () => {
		const run = await env.engine.run({
			nodes: [
				createServiceRequest,
				photos(),
				legitmarkNode('Get URL', {
					resource: 'image',
					operation: 'getUploadUrl',
					serviceRequestId: srOfRun,
					sideId: sideOfItem,
					binaryPropertyName: 'data',
				}),
				{
					name: 'Set',
					type: 'setFields',
					parameters: { fields: { checkedSide: '={{ $json.side }}' } },
				},
				legitmarkNode(
					'Upload',
					{ resource: 'image', operation: 'uploadBinary', binaryPropertyName: 'data' },
					{ credentials: undefined },
				),
				legitmarkNode(
					'Wait',
					{
						resource: 'serviceRequest',
						operation: 'waitForRequirements',
						serviceRequestId: '={{ $json.serviceRequestId }}',
						options: { pollIntervalSeconds: 0.2, timeoutSeconds: 10 },
					},
					{ executeOnce: true },
				),
				submit,
			],
			credentials: credentials(),
		});

		for (const name of ['Get URL', 'Upload', 'Wait', 'Submit'])
			expect(run.error(name)).toBeUndefined();
		const sr = onlyServiceRequest();
		expectStoredPhoto(sr.uuid, FRONT, 1);
		expectStoredPhoto(sr.uuid, SIZE_TAG, 2);
		expect(sr.state.primary).toBe('QC');
		expect(run.output('Upload').map((item) => item.json.checkedSide)).toEqual([
			`${FRONT.uuid}.jpg`,
			`${SIZE_TAG.uuid}.jpg`,
		]);
		expect(run.output('Wait')[0].json.sides).toMatchObject({
			progress: { met: true, current_required: 2 },
		});
	});

	it('continues on fail: the middle photo is missing, the other two are uploaded, pairedItem intact', async () => {
		const sr = legitmark().seedServiceRequest();
		const run = await env.engine.run({
			nodes: [
				photos({ count: 3, missing: [1] }),
				legitmarkNode(
					'Upload',
					{
						resource: 'image',
						operation: 'uploadFile',
						serviceRequestId: sr.uuid,
						sideId: `={{ [${SIDES.map((s) => `'${s.uuid}'`).join(', ')}][$json.index] }}`,
						binaryPropertyName: 'data',
					},
					{ onError: 'continueRegularOutput' },
				),
			],
			credentials: credentials(),
		});

		const items = run.output('Upload');
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toMatch(/binary/i);
		expect(env.storage.listObjects()).toEqual(
			[`sr/${sr.uuid}/${FRONT.uuid}.jpg`, `sr/${sr.uuid}/${SIDES[2].uuid}.jpg`].sort(),
		);
		expect(legitmark().calls.filter((call) => call.path === '/intent')).toHaveLength(2);
	});

	it('refuses to submit with one required side missing, and the request stays a draft', async () => {
		const sr = legitmark().seedServiceRequest();
		const run = await env.engine.run({
			nodes: [
				photos({ count: 1 }),
				legitmarkNode('Upload', {
					resource: 'image',
					operation: 'uploadFile',
					serviceRequestId: sr.uuid,
					sideId: FRONT.uuid,
					binaryPropertyName: 'data',
				}),
				legitmarkNode('Submit', {
					resource: 'serviceRequest',
					operation: 'complete',
					serviceRequestId: sr.uuid,
				}),
			],
			credentials: credentials(),
		});

		expect(run.error('Submit')?.message).toBe(
			`Service request ${sr.uuid} is not ready to submit: 1 of 2 required sides present; missing: ${SIZE_TAG.name} (${SIZE_TAG.uuid}) [item 0]`,
		);
		expect(legitmark().serviceRequests.get(sr.uuid)?.state.primary).toBe('DRAFT');
		expect(legitmark().calls.some((call) => call.path.endsWith('/submit'))).toBe(false);
	});

	it("keeps Legitmark's 429 message and status when /intent is rate limited", async () => {
		const sr = legitmark().seedServiceRequest();
		legitmark().failNext({ status: 429, path: '/intent', retryAfter: 2 });

		const run = await env.engine.run({
			nodes: [
				photos({ count: 1 }),
				legitmarkNode('Upload', {
					resource: 'image',
					operation: 'uploadFile',
					serviceRequestId: sr.uuid,
					sideId: FRONT.uuid,
					binaryPropertyName: 'data',
				}),
			],
			credentials: credentials(),
		});

		expect(run.error('Upload')).toMatchObject({
			name: 'NodeApiError',
			message: 'Rate limit exceeded [item 0]',
			httpCode: '429',
		});
		expect(env.storage.listObjects()).toEqual([]);
	});
});
