import nock from 'nock';

import { credentials, files, ok, presignedUrl, ROOT, sivi, siviApi, storageHost } from './fixtures';
import { useNockedEngine } from '../../support/nock';

const env = useNockedEngine('filesystem');

const FONT_URL = presignedUrl('/user-data/u_1/fonts/BrandSans.ttf');
const font = (parameters = {}) =>
	files({ fileName: 'BrandSans.ttf', mimeType: 'font/ttf', ...parameters });

const statusQuery = (requestId: string) => ({ queryParams: JSON.stringify({ requestId }) });

function statusLook(requestId: string, status: string, extra = {}) {
	return siviApi()
		.get(`${ROOT}/get-request-status`)
		.query(statusQuery(requestId))
		.reply(200, ok({ requestId, status, queueWaitTime: 0, ...extra }));
}

const wait = { waitForCompletion: true, pollIntervalSeconds: 0.1, waitTimeoutSeconds: 30 };

describe('Font → Upload File', () => {
	function presignAndUpload() {
		const api = siviApi()
			.post(`${ROOT}/files/get-presigned-url`, {
				type: 'font',
				extension: 'ttf',
				contentType: 'font/ttf',
			})
			.reply(
				200,
				ok({
					uploadUrl: FONT_URL,
					method: 'PUT',
					headers: { 'Content-Type': 'font/ttf' },
					expiresIn: 300,
					fileName: 'BrandSans.ttf',
				}),
			)
			.post(`${ROOT}/font/create`, { uploadedURL: FONT_URL })
			.reply(200, ok({ requestId: 'sbhMkIZKCPp' }));
		const storage = storageHost({ 'content-type': 'font/ttf', 'content-length': '2048' })
			.put('/user-data/u_1/fonts/BrandSans.ttf')
			.query(true)
			.reply(200, '', { ETag: '"etag-font"' });
		return { api, storage };
	}

	it('gets a ttf URL, PUTs the font with its returned header, then Upload Fonts with the whole URL', async () => {
		const { api, storage } = presignAndUpload();

		const run = await env.engine.run({
			nodes: [font(), sivi({ resource: 'font', operation: 'uploadFile' })],
			credentials,
		});

		expect(run.error('Sivi')).toBeUndefined();
		expect(api.isDone() && storage.isDone()).toBe(true);
		expect(run.output('Sivi')[0].json).toMatchObject({
			fileName: 'BrandSans.ttf',
			fileUrl: 'https://media.hellosivi.com/user-data/u_1/fonts/BrandSans.ttf',
			requestId: 'sbhMkIZKCPp',
			upload: { bytes: 2048, etag: '"etag-font"' },
		});
		expect(run.output('Sivi')[0].json.requestStatus).toBeUndefined();
	});

	it('with Wait for Completion polls the request status until completed; a 429 only delays', async () => {
		presignAndUpload();
		const looks = [
			statusLook('sbhMkIZKCPp', 'pending'),
			siviApi()
				.get(`${ROOT}/get-request-status`)
				.query(statusQuery('sbhMkIZKCPp'))
				.reply(429, { status: 429, body: { message: 'Rate limit exceeded' } }),
			statusLook('sbhMkIZKCPp', 'processing', { progress: 50 }),
			statusLook('sbhMkIZKCPp', 'completed', {
				progress: 100,
				result: { fonts: [{ id: 'BrandSans' }] },
			}),
		];

		const run = await env.engine.run({
			nodes: [font(), sivi({ resource: 'font', operation: 'uploadFile', options: wait })],
			credentials,
		});

		expect(run.error('Sivi')).toBeUndefined();
		expect(looks.every((look) => look.isDone())).toBe(true);
		expect(run.output('Sivi')[0].json).toMatchObject({
			requestId: 'sbhMkIZKCPp',
			requestStatus: 'completed',
			request: { status: 'completed', result: { fonts: [{ id: 'BrandSans' }] } },
		});
	});

	it.each([
		[
			'failed',
			{ reason: 'Not a valid TrueType font' },
			"Sivi's font request sbhMkIZKCPp ended failed: Not a valid TrueType font [item 0]",
		],
		['suspended', {}, "Sivi's font request sbhMkIZKCPp ended suspended [item 0]"],
	])('fails the item when the request ends %s', async (state, extra, message) => {
		presignAndUpload();
		statusLook('sbhMkIZKCPp', state, extra);

		const run = await env.engine.run({
			nodes: [font(), sivi({ resource: 'font', operation: 'uploadFile', options: wait })],
			credentials,
		});

		expect(run.error('Sivi')?.message).toBe(message);
	});

	it.each([
		['an otf font', { fileName: 'Brand.otf', mimeType: 'font/otf' }],
		['a woff2 font', { fileName: 'Brand.woff2', mimeType: 'font/woff2' }],
		['a png', { fileName: 'Brand.png', mimeType: 'image/png' }],
	])('refuses %s before any request, naming ttf', async (_, file) => {
		const run = await env.engine.run({
			nodes: [font(file), sivi({ resource: 'font', operation: 'uploadFile' })],
			credentials,
		});

		expect(run.error('Sivi')?.message).toMatch(
			/^The file in "data" is (otf|woff2|png) \(.*\); Sivi's font type allows only ttf \[item 0\]$/,
		);
		expect(env.unexpected.count()).toBe(0);
	});

	it('refuses a poll interval from an expression below 0.1 s before any request', async () => {
		const run = await env.engine.run({
			nodes: [
				font(),
				sivi({
					resource: 'font',
					operation: 'uploadFile',
					options: { ...wait, pollIntervalSeconds: '={{ 0 }}' },
				}),
			],
			credentials,
		});

		expect(run.error('Sivi')?.message).toBe(
			'"Poll Interval (Seconds)" must be a number from 0.1 to 3600, got 0 [item 0]',
		);
		expect(env.unexpected.count()).toBe(0);
	});
});

describe('Font → Complete Upload', () => {
	it('posts Upload Fonts with uploadedURL and outputs the request ID', async () => {
		const api = siviApi()
			.post(`${ROOT}/font/create`, { uploadedURL: FONT_URL, abstractUserId: 'user-3' })
			.reply(200, ok({ requestId: 'req1' }));

		const run = await env.engine.run({
			nodes: [
				font({ json: { uploadUrl: FONT_URL } }),
				sivi({
					resource: 'font',
					operation: 'complete',
					additionalFields: { abstractUserId: 'user-3' },
				}),
			],
			credentials,
		});

		expect(run.error('Sivi')).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(run.output('Sivi')[0].json).toMatchObject({ uploadUrl: FONT_URL, requestId: 'req1' });
	});

	it('with a wait timeout of 0 looks once and fails while the request is pending', async () => {
		siviApi()
			.post(`${ROOT}/font/create`)
			.reply(200, ok({ requestId: 'req2' }));
		const look = statusLook('req2', 'pending');

		const run = await env.engine.run({
			nodes: [
				font(),
				sivi({
					resource: 'font',
					operation: 'complete',
					uploadedUrl: FONT_URL,
					options: { waitForCompletion: true, waitTimeoutSeconds: 0 },
				}),
			],
			credentials,
		});

		expect(look.isDone()).toBe(true);
		expect(run.error('Sivi')?.message).toBe(
			"Sivi's font request req2 did not finish within 0 s: it is still pending [item 0]",
		);
	});

	it("keeps Upload Fonts' 422 and its message", async () => {
		siviApi()
			.post(`${ROOT}/font/create`)
			.reply(422, { status: 422, body: { message: 'Invalid uploadedURL format' } });

		const run = await env.engine.run({
			nodes: [font(), sivi({ resource: 'font', operation: 'complete', uploadedUrl: FONT_URL })],
			credentials,
		});

		expect(run.error('Sivi')).toMatchObject({
			message: 'Invalid uploadedURL format [item 0]',
			httpCode: '422',
		});
	});

	it('refuses an uploaded URL that is no URL, before any request', async () => {
		const run = await env.engine.run({
			nodes: [
				font(),
				sivi({ resource: 'font', operation: 'complete', uploadedUrl: 'BrandSans.ttf' }),
			],
			credentials,
		});

		expect(run.error('Sivi')?.message).toBe('"Uploaded URL" is not a valid URL [item 0]');
		expect(env.unexpected.count()).toBe(0);
		expect(nock.pendingMocks()).toEqual([]);
	});
});
