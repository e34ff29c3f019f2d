// The Screening Eagle Inspect node on n8n's real WorkflowExecute against the emulator and the
// strict storage sandbox on loopback: files stream out of n8n's filesystem binary store, are
// hashed, announced, PUT to presigned URLs signed for their Content-Type, and completed; the
// emulator's complete call checks the stored bytes against the announced SHA-256 and size.
import type { INode, INodeParameters } from 'n8n-workflow';

import type { NodeSpec } from '../../support/engine';
import { useEngineWithSandbox } from '../../support/sandbox';
import {
	ASSETS,
	SPOT_TEMPLATE,
	startScreeningEagle,
	type ScreeningEagleEmulator,
} from '../../support/emulators/screening-eagle';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternBuffer, patternSha256 } = require('../../../sandbox/bytes');

const MIB = 1024 * 1024;
const BIG = 20 * MIB;
const PHOTO = 256 * 1024 + 3;

const env = useEngineWithSandbox('filesystem', { emulators: ['screening-eagle'] });
const inspect = () => env.emulators['screening-eagle'];

const credentialsFor = (emulator: ScreeningEagleEmulator) => ({
	screeningEagleInspectApi: { baseUrl: emulator.url, token: emulator.token, authScheme: 'bearer' },
});

beforeEach(() => {
	inspect().reset();
	env.storage.clear();
	env.storage.resetStats();
});

const base64Of = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

function inspectNode(
	name: string,
	parameters: INodeParameters,
	extra: Partial<INode> = {},
): NodeSpec {
	return {
		name,
		type: 'screeningEagleInspect',
		parameters,
		credentials: { screeningEagleInspectApi: { id: 'seSandbox', name: 'Screening Eagle sandbox' } },
		...extra,
	};
}

function files(count: number, size: number, parameters: INodeParameters = {}): NodeSpec {
	return {
		name: 'Files',
		type: 'binarySource',
		parameters: { count, size, fileName: 'crack.jpg', mimeType: 'image/jpeg', ...parameters },
	};
}

const uploadFile = (parameters: INodeParameters = {}) =>
	inspectNode('Upload', {
		resource: 'file',
		operation: 'uploadFile',
		assetId: ASSETS.bridge.id,
		binaryPropertyName: 'data',
		...parameters,
	});

const putsToStorage = () => env.storage.stats.requests.filter((r) => r.method === 'PUT').length;

/** The stored file of the emulator's record: byte-identical to the pattern, hash as announced. */
function expectStored(fileId: string, size: number, seed: number) {
	const file = inspect().files.get(fileId)!;
	expect(file).toBeDefined();
	const object = env.storage.getObject(file.key)!;
	expect(object.sha256).toBe(patternSha256(size, seed));
	expect(Buffer.compare(object.body, patternBuffer(size, seed))).toBe(0);
	expect(object.contentType).toBe('image/jpeg');
	expect(file.hash).toBe(base64Of(patternSha256(size, seed)));
	expect(file).toMatchObject({
		status: 'uploaded',
		size,
		contentType: 'image/jpeg',
		received: { sha256Base64: file.hash, size },
	});
}

describe('Screening Eagle Inspect on the real engine', () => {
	it('Upload File streams a 20 MiB file: stored byte-identical, announced hash = base64 SHA-256 of the received bytes', async () => {
		const run = await env.engine.run({
			nodes: [files(1, BIG), uploadFile()],
			credentials: credentialsFor(inspect()),
		});

		expect(run.error('Upload')).toBeUndefined();
		const [item] = run.output('Upload');
		expect(item.json).toMatchObject({
			alreadyUploaded: false,
			assetId: ASSETS.bridge.id,
			name: 'crack.jpg',
			contentType: 'image/jpeg',
			size: BIG,
			hash: base64Of(patternSha256(BIG, 1)),
			upload: { method: 'PUT', bytes: BIG, sha256: patternSha256(BIG, 1) },
			completed: true,
		});
		expectStored(String(item.json.fileId), BIG, 1);
		const complete = inspect().calls.find((call) => call.path.endsWith('/complete'));
		expect(complete).toMatchObject({ method: 'POST', body: { id: item.json.fileId } });
		const bearer = `Bearer ${inspect().token}`;
		expect(inspect().calls.every((call) => call.auth === bearer)).toBe(true);
	});

	it('the same file again: alreadyUploaded, no PUT, not completed again', async () => {
		const workflow = {
			nodes: [files(1, PHOTO), uploadFile()],
			credentials: credentialsFor(inspect()),
		};
		const first = await env.engine.run(workflow);
		expect(first.error('Upload')).toBeUndefined();
		expect(putsToStorage()).toBe(1);
		env.storage.resetStats();
		inspect().calls.length = 0;

		const second = await env.engine.run(workflow);

		expect(second.error('Upload')).toBeUndefined();
		const [item] = second.output('Upload');
		expect(item.json).toMatchObject({
			fileId: first.output('Upload')[0].json.fileId,
			alreadyUploaded: true,
			uploadSkipped: true,
			completed: false,
		});
		expect(item.json.upload).toBeUndefined();
		expect(putsToStorage()).toBe(0);
		expect(inspect().calls.map((call) => `${call.method} ${call.path}`)).toEqual([
			'POST /api/inspect/v1/file/upload/presigned',
		]);
	});

	it('Get Upload URL → Set → Upload Binary → Complete Upload gives the same result', async () => {
		const run = await env.engine.run({
			nodes: [
				files(2, PHOTO),
				inspectNode('Get URL', {
					resource: 'file',
					operation: 'getUploadUrl',
					assetId: ASSETS.tunnel.id,
					binaryPropertyName: 'data',
				}),
				{ name: 'Set', type: 'setFields', parameters: { fields: { checked: true } } },
				inspectNode(
					'Put',
					{ resource: 'file', operation: 'uploadBinary', binaryPropertyName: 'data' },
					{ credentials: undefined },
				),
				inspectNode('Complete', { resource: 'file', operation: 'complete' }),
			],
			credentials: credentialsFor(inspect()),
		});

		for (const name of ['Get URL', 'Put', 'Complete']) expect(run.error(name)).toBeUndefined();
		const target = run.output('Get URL')[0].json.target as { expiresAt: string; headers: object };
		expect(target.headers).toEqual({ 'Content-Type': 'image/jpeg' });
		const lifetime = new Date(target.expiresAt).getTime() - Date.now();
		expect(lifetime).toBeGreaterThan(10 * 60 * 1000);
		expect(lifetime).toBeLessThanOrEqual(15 * 60 * 1000);
		const completed = run.output('Complete');
		expect(completed).toHaveLength(2);
		completed.forEach((item, index) => {
			expect(item.json).toMatchObject({ checked: true, completed: true, alreadyUploaded: false });
			expectStored(String(item.json.fileId), PHOTO, index + 1);
		});
	});

	it('Upload Binary and Complete Upload pass an alreadyUploaded item on and say so', async () => {
		const steps = (name: string) => [
			inspectNode(`Get URL ${name}`, {
				resource: 'file',
				operation: 'getUploadUrl',
				assetId: ASSETS.tunnel.id,
				binaryPropertyName: 'data',
			}),
			inspectNode(
				`Put ${name}`,
				{ resource: 'file', operation: 'uploadBinary' },
				{ credentials: undefined },
			),
			inspectNode(`Complete ${name}`, { resource: 'file', operation: 'complete' }),
		];
		const run = await env.engine.run({
			nodes: [files(1, PHOTO), ...steps('1'), ...steps('2')],
			credentials: credentialsFor(inspect()),
		});

		expect(run.error('Complete 2')).toBeUndefined();
		expect(run.output('Put 2')[0].json).toMatchObject({
			alreadyUploaded: true,
			uploadSkipped: true,
		});
		expect(run.output('Complete 2')[0].json).toMatchObject({
			completed: false,
			completeSkippedReason: expect.stringContaining('already stores'),
		});
		expect(putsToStorage()).toBe(1);
	});

	describe('an Inspect API whose complete call is PUT /api/inspect/v1/file/:fileId/uploaded', () => {
		let other: ScreeningEagleEmulator;
		beforeAll(async () => {
			other = await startScreeningEagle({
				storage: env.storage,
				complete: { method: 'PUT', path: '/api/inspect/v1/file/:fileId/uploaded' },
			});
		});
		afterAll(async () => await other.close());

		it('refuses the assumed default, and completes once the node is told its method and path', async () => {
			const workflow = (completeRequest: INodeParameters) => ({
				nodes: [files(1, PHOTO), uploadFile({ completeRequest })],
				credentials: credentialsFor(other),
			});

			const assumed = await env.engine.run(workflow({}));
			expect(assumed.error('Upload')?.message).toMatch(/^NotFound: route not found/);
			expect((assumed.error('Upload') as { httpCode?: string }).httpCode).toBe('404');
			expect([...other.files.values()][0].status).toBe('pending');

			env.storage.clear();
			other.reset();
			const told = await env.engine.run(
				workflow({ method: 'PUT', path: '/api/inspect/v1/file/{fileId}/uploaded', body: '' }),
			);

			expect(told.error('Upload')).toBeUndefined();
			const [item] = told.output('Upload');
			expect(item.json.completed).toBe(true);
			const file = other.files.get(String(item.json.fileId))!;
			expect(file.status).toBe('uploaded');
			expect(file.received?.sha256Base64).toBe(base64Of(patternSha256(PHOTO, 1)));
			expect(other.calls.at(-1)).toMatchObject({
				method: 'PUT',
				path: `/api/inspect/v1/file/${item.json.fileId}/uploaded`,
			});
		});
	});

	it('creates a spot with the two uploaded files attached, then lists them', async () => {
		const attachment = (index: number, type: number) => ({
			fileId: `={{ $('Upload').all()[${index}].json.fileId }}`,
			name: `={{ 'crack-${index}.jpg' }}`,
			type,
			createdAt: '2026-11-23T10:00:00.000Z',
		});
		const run = await env.engine.run({
			nodes: [
				files(2, PHOTO),
				uploadFile(),
				inspectNode(
					'Spot',
					{
						resource: 'spot',
						operation: 'create',
						assetId: ASSETS.bridge.id,
						spotTemplateId: SPOT_TEMPLATE.id,
						complete: true,
						attachments: { attachment: [attachment(0, 1), attachment(1, 0)] },
						additionalFields: { fields: '{"severity": "high"}' },
					},
					{ executeOnce: true },
				),
				inspectNode('Attachments', { resource: 'spot', operation: 'getAttachments' }),
			],
			credentials: credentialsFor(inspect()),
		});

		for (const name of ['Upload', 'Spot', 'Attachments']) expect(run.error(name)).toBeUndefined();
		const fileIds = run.output('Upload').map((item) => item.json.fileId);
		const [spotItem] = run.output('Spot');
		const spot = inspect().spots.get(String(spotItem.json.spotId))!;
		expect(spot).toMatchObject({
			assetID: ASSETS.bridge.id,
			complete: true,
			fields: { severity: 'high' },
		});
		expect(spot.attachments).toMatchObject([
			{
				fileID: fileIds[0],
				name: 'crack-0.jpg',
				type: 1,
				createdAt: Date.parse('2026-11-23T10:00:00Z'),
			},
			{ fileID: fileIds[1], name: 'crack-1.jpg', type: 0 },
		]);
		expect(spot.attachments[1].updatedAt).toBeGreaterThan(1e12);
		const listed = run.output('Attachments');
		expect(listed.map((item) => item.json.name)).toEqual(['crack-0.jpg', 'crack-1.jpg']);
		expect(listed[0].json).toMatchObject({ spotId: spot.id, spotID: spot.id, type: 1 });
	});

	it('Continue On Fail: an item without a binary fails alone, the others are uploaded', async () => {
		const run = await env.engine.run({
			nodes: [files(3, PHOTO, { missing: '[1]' }), { ...uploadFile(), continueOnFail: true }],
			credentials: credentialsFor(inspect()),
		});

		const output = run.output('Upload');
		expect(output).toHaveLength(3);
		expect(output[1].json.error).toMatch(/\[item 1\]$/);
		expectStored(String(output[0].json.fileId), PHOTO, 1);
		expectStored(String(output[2].json.fileId), PHOTO, 3);
	});
});
