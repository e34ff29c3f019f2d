// The Upscayl node on n8n's real WorkflowExecute against the Upscayl emulator and the strict
// storage sandbox on loopback: images stream out of n8n's filesystem binary store in parts to
// presigned part URLs, the upload is completed through the API, the task is polled and the result
// streams back into n8n's binary store.
import type { IBinaryData, INode, INodeParameters } from 'n8n-workflow';

import type { NodeSpec } from '../../support/engine';
import { useEngineWithSandbox } from '../../support/sandbox';
import { upscaledBytes } from '../../support/emulators/upscayl';

/* eslint-disable @typescript-eslint/no-require-imports */
const { patternBuffer, patternSha256 } = require('../../../sandbox/bytes');
const { Container } = require('@n8n/di');
const { BinaryDataService } = require('n8n-core');
/* eslint-enable @typescript-eslint/no-require-imports */

const MIB = 1024 * 1024;
const IMAGE_BYTES = 30 * MIB;
/** Not a size a client would guess: the node must take it from the answer. */
const ODD_PART_SIZE = 7 * MIB + 3;
const FAST_POLL = { pollIntervalSeconds: 0.1, processingTimeoutSeconds: 60 };

const env = useEngineWithSandbox('filesystem', { emulators: ['upscayl'] });
const upscayl = () => env.emulators.upscayl;
const credentials = () => ({ upscaylApi: { apiKey: upscayl().apiKey, baseUrl: upscayl().url } });
const upscaylCredential = { upscaylApi: { id: 'upscaylSandbox', name: 'Upscayl sandbox' } };

beforeEach(() => {
	upscayl().reset();
	env.storage.clear();
	env.storage.resetStats();
});

function upscaylNode(
	name: string,
	parameters: INodeParameters,
	extra: Partial<INode> = {},
): NodeSpec {
	return { name, type: 'upscayl', parameters, credentials: upscaylCredential, ...extra };
}

function images(count = 1, size = IMAGE_BYTES, parameters: INodeParameters = {}): NodeSpec {
	return {
		name: 'Images',
		type: 'binarySource',
		parameters: { count, size, fileName: 'product.png', mimeType: 'image/png', ...parameters },
	};
}

const upscaleFile = (options: INodeParameters = {}) =>
	upscaylNode('Upscale', {
		resource: 'task',
		operation: 'upscaleFile',
		model: 'digital-art-4x',
		scale: 2,
		saveImageAs: 'png',
		options: { partConcurrency: 4, ...FAST_POLL, ...options },
	});

const callsTo = (path: string) => upscayl().calls.filter((call) => call.path === path);

function expectUploaded(path: string, size = IMAGE_BYTES, seed = 1) {
	const object = env.storage.getObject(path)!;
	expect(object).toBeDefined();
	expect(object.size).toBe(size);
	expect(object.sha256).toBe(patternSha256(size, seed));
}

async function bytesOf(binary: IBinaryData): Promise<Buffer> {
	return await Container.get(BinaryDataService).getAsBuffer(binary);
}

describe('Upscayl workflows on the real engine (filesystem binaries)', () => {
	it('Upscale File: a 30 MiB image goes up in overlapping parts and comes back upscaled as binary', async () => {
		upscayl().setPartSize(ODD_PART_SIZE);
		const run = await env.engine.run({
			nodes: [images(), upscaleFile()],
			credentials: credentials(),
		});

		expect(run.error('Upscale')).toBeUndefined();
		const [item] = run.output('Upscale');
		const path = item.json.path as string;
		expectUploaded(path);

		// The part size is the API's: five parts of 7 MiB + 3 bytes for 30 MiB.
		const partPuts = env.storage.stats.requests.filter(
			(request) => request.operation === 'UploadPart',
		);
		expect(partPuts).toHaveLength(Math.ceil(IMAGE_BYTES / ODD_PART_SIZE));
		expect(Math.max(...partPuts.map((request) => request.inFlightAtStart))).toBeGreaterThan(0);
		expect((item.json.upload as { etags: unknown[] }).etags).toHaveLength(5);

		const [complete] = callsTo('/complete-multipart-upload');
		expect(complete.body).toEqual({
			data: {
				uploadId: item.json.uploadId,
				key: path,
				parts: (
					item.json.upload as { etags: Array<{ partNumber: number; etag: string }> }
				).etags.map((part) => ({ PartNumber: part.partNumber, ETag: part.etag })),
			},
		});
		const [task] = [...upscayl().tasks.values()];
		expect(task).toMatchObject({ model: 'digital-art-4x', scale: 2, saveImageAs: 'png' });
		expect(item.json).toMatchObject({ taskId: task.taskId, task: { status: 'PROCESSED' } });

		const result = item.binary!.data;
		expect(result.mimeType).toBe('image/png');
		expect(result.fileName).toBe('product_upscayl_2x_digital-art-4x.png');
		expect(result.id).toMatch(/^filesystem/);
		const expected = upscaledBytes(patternBuffer(IMAGE_BYTES, 1));
		expect(Buffer.compare(await bytesOf(result), expected)).toBe(0);
		expect(item.json.result).toMatchObject({ bytes: IMAGE_BYTES });
		expect(item.pairedItem).toEqual({ item: 0 });
	}, 120_000);

	it('puts the result in another binary field and names its type after Save Image As', async () => {
		const run = await env.engine.run({
			nodes: [
				images(1, 200 * 1024),
				upscaylNode('Upscale', {
					resource: 'task',
					operation: 'upscaleFile',
					saveImageAs: 'webp',
					outputBinaryPropertyName: 'upscaled',
					options: FAST_POLL,
				}),
			],
			credentials: credentials(),
		});

		expect(run.error('Upscale')).toBeUndefined();
		const [item] = run.output('Upscale');
		expect(item.binary!.upscaled.mimeType).toBe('image/webp');
		expect(item.binary!.upscaled.fileName).toMatch(/\.webp$/);
		expect(item.binary!.data.fileName).toBe('product.png');
		const expected = upscaledBytes(patternBuffer(200 * 1024, 1));
		expect(Buffer.compare(await bytesOf(item.binary!.upscaled), expected)).toBe(0);
	});

	it('chained steps with Edit Fields between them give the same uploaded object and result', async () => {
		upscayl().setPartSize(ODD_PART_SIZE);
		upscayl().setProcessingLooks(0);
		const run = await env.engine.run({
			nodes: [
				images(),
				upscaylNode('Get Upload URL', { resource: 'file', operation: 'getUploadUrl' }),
				{ name: 'Edit Fields', type: 'setFields', parameters: { fields: { shop: 'north' } } },
				upscaylNode('Upload Binary', {
					resource: 'file',
					operation: 'uploadBinary',
					options: { partConcurrency: 3 },
				}),
				upscaylNode('Complete Upload', { resource: 'file', operation: 'complete' }),
				upscaylNode('Start', {
					resource: 'task',
					operation: 'start',
					model: 'upscayl-standard-4x',
					scale: 4,
					saveImageAs: 'jpg',
					enhanceFace: true,
				}),
				upscaylNode('Get Status', { resource: 'task', operation: 'getStatus' }),
			],
			credentials: credentials(),
		});

		for (const node of [
			'Get Upload URL',
			'Upload Binary',
			'Complete Upload',
			'Start',
			'Get Status',
		]) {
			expect(run.error(node)).toBeUndefined();
		}
		const [target] = run.output('Get Upload URL');
		expect(target.json.target).toMatchObject({ method: 'MULTIPART', partSize: ODD_PART_SIZE });
		const [uploaded] = run.output('Upload Binary');
		expect(uploaded.json.shop).toBe('north');
		expectUploaded(uploaded.json.path as string);
		expect(run.output('Complete Upload')[0].json.completed).toEqual({ status: 'success' });
		const [task] = [...upscayl().tasks.values()];
		expect(task).toMatchObject({ scale: 4, saveImageAs: 'jpg', enhanceFace: true });
		const [status] = run.output('Get Status');
		expect(status.json).toMatchObject({ taskId: task.taskId, status: 'PROCESSED' });
		const [file] = status.json.files as Array<{ fileType: string; downloadUrl: string }>;
		expect(file.fileType).toBe('image/jpeg');
	}, 120_000);

	it('retries a part that fails twice with 503 and completes the upload', async () => {
		upscayl().setPartSize(5 * MIB);
		const fault = env.storage.faults.inject({
			method: 'PUT',
			pathIncludes: 'partNumber=2',
			times: 2,
			status: 503,
			code: 'SlowDown',
		});
		const size = 12 * MIB;
		const run = await env.engine.run({
			nodes: [
				images(1, size),
				upscaylNode('Upload', { resource: 'file', operation: 'uploadFile' }),
			],
			credentials: credentials(),
		});

		expect(run.error('Upload')).toBeUndefined();
		expect(fault.fired).toBe(2);
		const [item] = run.output('Upload');
		expectUploaded(item.json.path as string, size);
		expect(callsTo('/complete-multipart-upload')).toHaveLength(1);
	}, 60_000);

	it('part URLs that are expired again after one fresh request fail with a clear message, and nothing is completed', async () => {
		upscayl().setUploadExpiry({ expiresIn: 60, signedSecondsAgo: 3600 });
		const run = await env.engine.run({
			nodes: [images(1, 1024), upscaleFile()],
			credentials: credentials(),
		});

		const error = run.error('Upscale');
		expect(error?.message).toMatch(/^The presigned URL expired at .+ \[item 0\]$/);
		expect(callsTo('/complete-multipart-upload')).toHaveLength(0);
		expect(callsTo('/start-task')).toHaveLength(0);
		expect(callsTo('/get-upload-url')).toHaveLength(2);
		expect(env.storage.listUploads()).toHaveLength(2);
	});

	it('402 Insufficient credits on start-task is a clear error with the status kept', async () => {
		upscayl().setCredits(5);
		const run = await env.engine.run({
			nodes: [images(1, 1024), upscaleFile()],
			credentials: credentials(),
		});

		const error = run.error('Upscale') as Error & { httpCode?: string; description?: string };
		expect(error.message).toBe('Insufficient credits [item 0]');
		expect(error.httpCode).toBe('402');
		expect(error.description).toContain('Buy credits');
	});

	it('Continue On Fail: an item without its binary fails before any call, the other is upscaled', async () => {
		const node = upscaleFile();
		node.parameters.binaryPropertyName = '={{ $json.index === 1 ? "photo" : "data" }}';
		const run = await env.engine.run({
			nodes: [images(2, 4096), { ...node, continueOnFail: true }],
			credentials: credentials(),
		});

		expect(run.error('Upscale')).toBeUndefined();
		const [done, failed] = run.output('Upscale');
		expect(
			Buffer.compare(await bytesOf(done.binary!.data), upscaledBytes(patternBuffer(4096, 1))),
		).toBe(0);
		expect(failed.json).toMatchObject({
			index: 1,
			error: expect.stringMatching(/photo.*\[item 1\]/),
		});
		expect(failed.pairedItem).toEqual({ item: 1 });
		expect(callsTo('/get-upload-url')).toHaveLength(1);
	});
});
