import nock from 'nock';
import type { NodeApiError } from 'n8n-workflow';

import {
	API,
	API_KEY,
	completeCall,
	credentials,
	FILE,
	formFieldsOf,
	getUploadUrl,
	images,
	partPuts,
	PATH,
	STORAGE,
	TASK_ID,
	upscayl,
} from './fixtures';
import { useNockedEngine } from '../../support/nock';

const env = useNockedEngine('default');

type ErrorWithDetails = NodeApiError & { httpCode?: string; description?: string };

const RESULT_URL = `${STORAGE}/results/${TASK_ID}/shoe_upscayl.png?X-Amz-Signature=cafe`;
const RESULT = Buffer.from('upscaled image bytes');

/** start-task with the key, its multipart form pinned field by field. */
function startTask(expected: Record<string, string>, reply: [number, unknown] = [200, started()]) {
	let contentType = '';
	const scope = nock(API, { reqheaders: { 'x-api-key': API_KEY } })
		.post('/start-task', (body: string) => {
			const fields = formFieldsOf(body);
			return JSON.stringify(fields) === JSON.stringify(expected);
		})
		.reply(function () {
			contentType = String(this.req.headers['content-type']);
			return reply;
		});
	return { scope, contentType: () => contentType };
}

function started() {
	return {
		status: 'success',
		data: { message: 'Task request sent successfully', taskId: TASK_ID, creditsToDeduct: 10 },
	};
}

function status(state: string, files: object[] = [FILE]) {
	return { status: 'success', data: { status: state, progress: '40', files, model: 'x' } };
}

function taskStatus(...answers: Array<[number, nock.Body]>) {
	const scope = nock(API, { reqheaders: { 'x-api-key': API_KEY } });
	for (const answer of answers) {
		scope.post('/get-task-status', { data: { taskId: TASK_ID } }).reply(answer[0], answer[1]);
	}
	return scope;
}

const processed = (extra = {}) =>
	status('PROCESSED', [
		{
			...FILE,
			fileType: 'image/png',
			downloadUrl: RESULT_URL,
			finalFileSize: RESULT.length,
			...extra,
		},
	]);

const defaultForm = {
	model: 'upscayl-standard-4x',
	scale: '4',
	saveImageAs: 'png',
	enhanceFace: 'false',
	files: JSON.stringify([FILE]),
};

describe('Task → Start', () => {
	it('sends model, scale, format, enhanceFace and the uploaded file as a multipart form', async () => {
		const call = startTask({
			model: 'texture-boost-4x',
			scale: '8',
			saveImageAs: 'webp',
			enhanceFace: 'true',
			files: JSON.stringify([FILE]),
		});
		const run = await env.engine.run({
			nodes: [
				images({ json: { file: FILE } }),
				upscayl({
					resource: 'task',
					operation: 'start',
					model: 'texture-boost-4x',
					scale: 8,
					saveImageAs: 'webp',
					enhanceFace: true,
				}),
			],
			credentials,
		});

		expect(run.error('Upscayl')).toBeUndefined();
		expect(call.scope.isDone()).toBe(true);
		expect(call.contentType()).toMatch(/^multipart\/form-data; boundary=/);
		expect(run.output('Upscayl')[0].json).toMatchObject({ taskId: TASK_ID, creditsToDeduct: 10 });
		expect(env.unexpected.count()).toBe(0);
	});

	it('takes a bare path as the uploaded file', async () => {
		const call = startTask({ ...defaultForm, files: JSON.stringify([{ path: PATH }]) });
		const run = await env.engine.run({
			nodes: [images(), upscayl({ resource: 'task', operation: 'start', file: PATH })],
			credentials,
		});
		expect(run.error('Upscayl')).toBeUndefined();
		expect(call.scope.isDone()).toBe(true);
	});

	it.each([
		[{ scale: 9 }, /"Scale" must be a whole number from 1 to 8, got 9/],
		[{ scale: '={{ 2.5 }}' }, /"Scale" must be a whole number/],
		[{ model: '={{ "turbo-9x" }}' }, /"Model" must be one of/],
		[{ saveImageAs: '={{ "gif" }}' }, /"Save Image As" must be one of jpg, png, webp/],
		[{ file: '={{ {} }}' }, /"Uploaded File" must be the file object/],
	])('refuses %j before any request', async (parameters, message) => {
		const run = await env.engine.run({
			nodes: [
				images({ json: { file: FILE } }),
				upscayl({ resource: 'task', operation: 'start', ...parameters }),
			],
			credentials,
		});
		expect(run.error('Upscayl')?.message).toMatch(message);
		expect(env.unexpected.count()).toBe(0);
	});

	it('402 Insufficient credits keeps its status and says what to do', async () => {
		startTask(defaultForm, [402, JSON.stringify('Insufficient credits')]);
		const run = await env.engine.run({
			nodes: [images({ json: { file: FILE } }), upscayl({ resource: 'task', operation: 'start' })],
			credentials,
		});
		const error = run.error('Upscayl') as ErrorWithDetails;
		expect(error.message).toBe('Insufficient credits [item 0]');
		expect(error.httpCode).toBe('402');
		expect(error.description).toContain('Buy credits');
	});
});

describe('Task → Get Status', () => {
	it('asks for the task by id and outputs its status and files', async () => {
		const scope = taskStatus([200, status('PROCESSING')]);
		const run = await env.engine.run({
			nodes: [
				images({ json: { taskId: TASK_ID } }),
				upscayl({ resource: 'task', operation: 'getStatus' }),
			],
			credentials,
		});
		expect(scope.isDone()).toBe(true);
		expect(run.output('Upscayl')[0].json).toMatchObject({
			taskId: TASK_ID,
			status: 'PROCESSING',
			progress: '40',
			files: [FILE],
		});
	});
});

describe('Task → Upscale File', () => {
	const upscale = (options = {}, parameters = {}) =>
		upscayl({
			resource: 'task',
			operation: 'upscaleFile',
			...parameters,
			options: { pollIntervalSeconds: 0.1, ...options },
		});

	function uploadAndStart() {
		return [getUploadUrl(), partPuts(), completeCall(), startTask(defaultForm).scope];
	}

	it('uploads, starts, polls until PROCESSED and downloads the result without the key', async () => {
		const before = uploadAndStart();
		const poll = taskStatus([200, status('PROCESSING')], [200, processed()]);
		const download = nock(STORAGE, { badheaders: ['x-api-key', 'authorization'] })
			.get(`/results/${TASK_ID}/shoe_upscayl.png`)
			.query({ 'X-Amz-Signature': 'cafe' })
			.reply(200, RESULT, { 'Content-Type': 'binary/octet-stream' });

		const run = await env.engine.run({ nodes: [images(), upscale()], credentials });

		expect(run.error('Upscayl')).toBeUndefined();
		for (const scope of [...before, poll, download]) expect(scope.isDone()).toBe(true);
		const [item] = run.output('Upscayl');
		expect(item.binary?.data).toMatchObject({ mimeType: 'image/png', fileName: 'shoe.png' });
		expect(Buffer.from(item.binary!.data.data, 'base64')).toEqual(RESULT);
		expect(item.json).toMatchObject({
			taskId: TASK_ID,
			path: PATH,
			task: { status: 'PROCESSED' },
			result: { bytes: RESULT.length },
		});
		expect(env.unexpected.count()).toBe(0);
	});

	it('reads the older downloadLink and processedFileName, and waits out a 429 while polling', async () => {
		const before = [getUploadUrl(), partPuts(), completeCall()];
		const start = startTask({ ...defaultForm, saveImageAs: 'jpg' }).scope;
		const poll = taskStatus(
			[429, { error: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded' }],
			[
				200,
				status('PROCESSED', [
					{ ...FILE, downloadLink: RESULT_URL, processedFileName: 'shoe_4x.jpg' },
				]),
			],
		);
		const download = nock(STORAGE)
			.get(`/results/${TASK_ID}/shoe_upscayl.png`)
			.query(true)
			.reply(200, RESULT);

		const run = await env.engine.run({
			nodes: [images(), upscale({}, { saveImageAs: 'jpg' })],
			credentials,
		});

		expect(run.error('Upscayl')).toBeUndefined();
		for (const scope of [...before, start, poll, download]) expect(scope.isDone()).toBe(true);
		const [item] = run.output('Upscayl');
		expect(item.binary?.data).toMatchObject({ mimeType: 'image/jpeg', fileName: 'shoe_4x.jpg' });
	});

	it('fails the item when Upscayl answers PROCESSING_FAILED', async () => {
		uploadAndStart();
		taskStatus([200, status('PROCESSING_FAILED')]);
		const run = await env.engine.run({ nodes: [images(), upscale()], credentials });
		const error = run.error('Upscayl') as ErrorWithDetails;
		expect(error.message).toBe(`Upscayl could not process task ${TASK_ID} [item 0]`);
	});

	it('fails the item with the last status when processing outlasts the timeout', async () => {
		uploadAndStart();
		taskStatus([200, status('PROCESSING')]);
		const run = await env.engine.run({
			nodes: [images(), upscale({ processingTimeoutSeconds: 0 })],
			credentials,
		});
		expect(run.error('Upscayl')?.message).toBe(
			`Upscayl task ${TASK_ID} was not processed within 0 s: its last status was PROCESSING (40 %) [item 0]`,
		);
		expect(env.unexpected.count()).toBe(0);
	});

	it('refuses a bad poll interval before any request', async () => {
		const run = await env.engine.run({
			nodes: [images(), upscale({ pollIntervalSeconds: '={{ 0 }}' })],
			credentials,
		});
		expect(run.error('Upscayl')?.message).toMatch(/"Poll Interval \(Seconds\)" must be a number/);
		expect(env.unexpected.count()).toBe(0);
	});

	it('refuses a result whose size differs from the announced finalFileSize', async () => {
		uploadAndStart();
		taskStatus([200, processed({ finalFileSize: RESULT.length + 1 })]);
		nock(STORAGE).get(`/results/${TASK_ID}/shoe_upscayl.png`).query(true).reply(200, RESULT);
		const run = await env.engine.run({ nodes: [images(), upscale()], credentials });
		expect(run.error('Upscayl')?.message).toMatch(/but the provider said/);
	});
});
