import type { IDataObject } from 'n8n-workflow';

import {
	API_KEY,
	credentials,
	files,
	ok,
	presignedUrl,
	ROOT,
	sivi,
	siviApi,
	storageHost,
} from './fixtures';
import { useNockedEngine } from '../../support/nock';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternSha256 } = require('../../../sandbox/bytes');

const env = useNockedEngine('filesystem');

const LOGO_URL = presignedUrl('/logos/abc123.png');

function presignAnswer(overrides: IDataObject = {}) {
	return ok({
		uploadUrl: LOGO_URL,
		method: 'PUT',
		headers: { 'Content-Type': 'image/png' },
		expiresIn: 300,
		fileName: 'abc123.png',
		...overrides,
	});
}

const mediaRecord = {
	mId: 'w_abc123----abc123.png',
	bId: 'b_brand1',
	type: 'logo',
	subType: 'logo',
	system: 'USER',
	url: 'abc123.png',
	createdOn: 1763900000,
};

describe('Media → Get Upload URL', () => {
	it('posts the type, the extension and content type from the binary and the extra fields, and outputs the target', async () => {
		const api = siviApi()
			.post(`${ROOT}/files/get-presigned-url`, {
				type: 'logo',
				extension: 'png',
				contentType: 'image/png',
				bId: 'b_brand1',
				abstractUserId: 'user-7',
				expiresIn: 900,
			})
			.reply(200, presignAnswer({ expiresIn: 900 }));

		const run = await env.engine.run({
			nodes: [
				files({ json: { campaign: 'spring' } }),
				sivi({
					resource: 'media',
					operation: 'getUploadUrl',
					type: 'logo',
					additionalFields: { brandId: 'b_brand1', abstractUserId: 'user-7', expiresIn: 900 },
				}),
			],
			credentials,
		});

		expect(run.error('Sivi')).toBeUndefined();
		expect(api.isDone()).toBe(true);
		const [item] = run.output('Sivi');
		expect(item.json).toMatchObject({
			campaign: 'spring',
			type: 'logo',
			extension: 'png',
			contentType: 'image/png',
			fileName: 'abc123.png',
			uploadUrl: LOGO_URL,
			target: { method: 'PUT', url: LOGO_URL, headers: { 'Content-Type': 'image/png' } },
		});
		expect(Date.parse(String((item.json.target as IDataObject).expiresAt))).toBeGreaterThan(
			Date.now(),
		);
		expect(item.binary?.data?.fileName).toBe('logo.png');
	});

	it('keeps "jpeg" from the file name and asks for a font as ttf with font/ttf', async () => {
		const api = siviApi()
			.post(`${ROOT}/files/get-presigned-url`, {
				type: 'backdrop',
				extension: 'jpeg',
				contentType: 'image/jpeg',
			})
			.reply(200, presignAnswer({ headers: { 'Content-Type': 'image/jpeg' } }))
			.post(`${ROOT}/files/get-presigned-url`, {
				type: 'font',
				extension: 'ttf',
				contentType: 'font/ttf',
			})
			.reply(200, presignAnswer({ headers: { 'Content-Type': 'font/ttf' } }));

		const backdrop = await env.engine.run({
			nodes: [
				files({ fileName: 'sky.jpeg', mimeType: 'image/jpeg' }),
				sivi({ resource: 'media', operation: 'getUploadUrl', type: 'backdrop' }),
			],
			credentials,
		});
		const font = await env.engine.run({
			nodes: [
				files({ fileName: 'Brand.ttf', mimeType: 'application/octet-stream' }),
				sivi({ resource: 'media', operation: 'getUploadUrl', type: 'font' }),
			],
			credentials,
		});

		expect(backdrop.error('Sivi')).toBeUndefined();
		expect(font.error('Sivi')).toBeUndefined();
		expect(api.isDone()).toBe(true);
	});

	it.each([
		[
			'an svg photo',
			'photo',
			{ fileName: 'brand.svg', mimeType: 'image/svg+xml' },
			'The file in "data" is svg (image/svg+xml, brand.svg); Sivi\'s photo type allows only jpg, jpeg, png, webp [item 0]',
			'A svg file can go up as logo, illustration.',
		],
		[
			'a png illustration',
			'illustration',
			{ fileName: 'drawing.png', mimeType: 'image/png' },
			'The file in "data" is png (image/png, drawing.png); Sivi\'s illustration type allows only svg [item 0]',
			'A png file can go up as photo, logo, screenshot, backdrop.',
		],
		[
			'a webp backdrop',
			'backdrop',
			{ fileName: 'wall.webp', mimeType: 'image/webp' },
			'The file in "data" is webp (image/webp, wall.webp); Sivi\'s backdrop type allows only jpg, jpeg, png [item 0]',
			'A webp file can go up as photo, logo, screenshot.',
		],
		[
			'a gif logo',
			'logo',
			{ fileName: 'anim.gif', mimeType: 'image/gif' },
			'The file in "data" is gif (image/gif, anim.gif); Sivi\'s logo type allows only jpeg, png, svg, webp [item 0]',
			'Sivi takes no such file as any type.',
		],
	])(
		'refuses %s before any request, naming what the type allows',
		async (_, type, file, message, hint) => {
			const run = await env.engine.run({
				nodes: [files(file), sivi({ resource: 'media', operation: 'getUploadUrl', type })],
				credentials,
			});

			expect(run.error('Sivi')).toMatchObject({ name: 'NodeOperationError', message });
			expect((run.error('Sivi') as Error & { description?: string }).description).toContain(hint);
			expect(env.unexpected.count()).toBe(0);
		},
	);

	it('refuses a file type Sivi does not know, before any request', async () => {
		const run = await env.engine.run({
			nodes: [
				files({ fileName: 'notes.txt', mimeType: 'text/plain' }),
				sivi({ resource: 'media', operation: 'getUploadUrl', type: 'photo' }),
			],
			credentials,
		});

		expect(run.error('Sivi')?.message).toBe(
			'The file in "data" is txt (text/plain, notes.txt); Sivi\'s photo type allows only jpg, jpeg, png, webp [item 0]',
		);
		expect(env.unexpected.count()).toBe(0);
	});

	it.each([[30], [3601], [90.5], ['soon']])(
		'refuses URL Expires In %j from an expression before any request',
		async (seconds) => {
			const run = await env.engine.run({
				nodes: [
					files({ json: { seconds } }),
					sivi({
						resource: 'media',
						operation: 'getUploadUrl',
						type: 'logo',
						additionalFields: { expiresIn: '={{ $json.seconds }}' },
					}),
				],
				credentials,
			});

			expect(run.error('Sivi')?.message).toMatch(
				/^"URL Expires In \(Seconds\)" must be a whole number from 60 to 3600, got .* \[item 0\]$/,
			);
			expect(env.unexpected.count()).toBe(0);
		},
	);

	it.each([
		[
			'without headers',
			{ headers: {} },
			'Sivi answered the presigned URL request without the headers to upload with [item 0]',
		],
		[
			'with a POST method',
			{ method: 'POST' },
			'Sivi asked for an upload by POST; only PUT is documented [item 0]',
		],
		[
			'without an uploadUrl',
			{ uploadUrl: '' },
			'Sivi answered the presigned URL request without an uploadUrl [item 0]',
		],
	])('fails when Sivi answers %s', async (_, overrides, message) => {
		siviApi().post(`${ROOT}/files/get-presigned-url`).reply(200, presignAnswer(overrides));

		const run = await env.engine.run({
			nodes: [files(), sivi({ resource: 'media', operation: 'getUploadUrl', type: 'logo' })],
			credentials,
		});

		expect(run.error('Sivi')?.message).toBe(message);
	});

	it.each([
		[
			401,
			'Failed to authenticate request. Please add sivi-api-key header in request',
			'Check the API key',
		],
		[422, 'Invalid input', 'Sivi refused the input'],
		[429, 'Insufficient credit limit', 'Sivi is limiting requests'],
		[500, 'Failed to generate presigned URL', 'Sivi could not handle the call'],
	])("keeps Sivi's %s and its message", async (status, message, advice) => {
		// Asking for an upload URL is tried again after a 5xx, up to three times in all.
		const api = siviApi()
			.post(`${ROOT}/files/get-presigned-url`)
			.times(status >= 500 ? 3 : 1)
			.reply(status, { status, body: { message } });

		const run = await env.engine.run({
			nodes: [files(), sivi({ resource: 'media', operation: 'getUploadUrl', type: 'logo' })],
			credentials,
		});

		expect(api.isDone()).toBe(true);
		const error = run.error('Sivi') as Error & { httpCode?: string; description?: string };
		expect(error).toMatchObject({
			name: 'NodeApiError',
			message: `${message} [item 0]`,
			httpCode: String(status),
		});
		expect(error.description).toContain(advice);
		expect(JSON.stringify(error)).not.toContain(API_KEY);
	});

	it('treats an HTTP 200 whose envelope says 422 as the failure it reports', async () => {
		siviApi()
			.post(`${ROOT}/files/get-presigned-url`)
			.reply(200, { status: 422, body: { message: 'Invalid input' } });

		const run = await env.engine.run({
			nodes: [files(), sivi({ resource: 'media', operation: 'getUploadUrl', type: 'logo' })],
			credentials,
		});

		expect(run.error('Sivi')).toMatchObject({ message: 'Invalid input [item 0]', httpCode: '422' });
	});
});

describe('Media → Upload File', () => {
	it('gets the URL, PUTs with exactly the returned headers and no key, then Create Media with the whole URL', async () => {
		const signedUrl = presignedUrl('/logos/abc123.png', {
			signedHeaders: 'content-type;host;x-amz-acl',
		});
		const api = siviApi()
			.post(`${ROOT}/files/get-presigned-url`, {
				type: 'logo',
				extension: 'png',
				contentType: 'image/png',
				bId: 'b_brand1',
			})
			.reply(
				200,
				presignAnswer({
					uploadUrl: signedUrl,
					headers: { 'Content-Type': 'image/png', 'x-amz-acl': 'private' },
				}),
			)
			.post(`${ROOT}/media/create`, {
				type: 'logo',
				uploadUrl: signedUrl,
				bId: 'b_brand1',
				subType: 'logo',
				touchPosition: { left: true, right: false, top: false, bottom: false, center: true },
				imagePreference: { crop: false, removeBg: true, enhancement: false },
				hueRotations: [0, 90],
			})
			.reply(200, ok({ media: mediaRecord }));
		let sentHeaders: Record<string, unknown> = {};
		const storage = storageHost({
			'content-type': 'image/png',
			'x-amz-acl': 'private',
			'content-length': '2048',
		})
			.put('/logos/abc123.png')
			.query(true)
			.reply(function () {
				sentHeaders = this.req.headers;
				return [200, '', { ETag: '"etag-logo"' }];
			});

		const run = await env.engine.run({
			nodes: [
				files(),
				sivi({
					resource: 'media',
					operation: 'uploadFile',
					type: 'logo',
					additionalFields: {
						brandId: 'b_brand1',
						subType: 'logo',
						touchPosition: ['left', 'center'],
						imagePreference: ['removeBg'],
						hueRotations: '0, 90',
					},
				}),
			],
			credentials,
		});

		expect(run.error('Sivi')).toBeUndefined();
		expect(api.isDone() && storage.isDone()).toBe(true);
		// Of the headers we choose, only the returned ones: nothing else x-amz, no cache or ACL guesses.
		const chosen = Object.keys(sentHeaders).filter(
			(name) =>
				![
					'host',
					'content-length',
					'accept',
					'accept-encoding',
					'user-agent',
					'connection',
				].includes(name),
		);
		expect(chosen.sort()).toEqual(['content-type', 'x-amz-acl']);
		const [item] = run.output('Sivi');
		expect(item.json).toMatchObject({
			type: 'logo',
			fileName: 'abc123.png',
			fileUrl: 'https://media.hellosivi.com/logos/abc123.png',
			mediaId: mediaRecord.mId,
			media: mediaRecord,
			upload: { method: 'PUT', bytes: 2048, sha256: patternSha256(2048, 1), etag: '"etag-logo"' },
		});
		expect(JSON.stringify(item.json)).not.toContain('X-Amz-Signature');
	});

	it('refuses a sub-type of another type before any request', async () => {
		const run = await env.engine.run({
			nodes: [
				files(),
				sivi({
					resource: 'media',
					operation: 'uploadFile',
					type: 'logo',
					additionalFields: { subType: 'photograph' },
				}),
			],
			credentials,
		});

		expect(run.error('Sivi')?.message).toBe(
			'"Sub-Type" "photograph" is not one of Sivi\'s logo sub-types: logo [item 0]',
		);
		expect(env.unexpected.count()).toBe(0);
	});

	it('does not register a file whose upload failed', async () => {
		siviApi().post(`${ROOT}/files/get-presigned-url`).reply(200, presignAnswer());
		storageHost({ 'content-type': 'image/png' })
			.put('/logos/abc123.png')
			.query(true)
			.reply(
				403,
				'<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message></Error>',
			);

		const run = await env.engine.run({
			nodes: [files(), sivi({ resource: 'media', operation: 'uploadFile', type: 'logo' })],
			credentials,
		});

		expect(run.error('Sivi')).toMatchObject({ name: 'NodeApiError', httpCode: '403' });
		expect(env.unexpected.count()).toBe(0);
	});

	it("keeps Create Media's 400 when the file did not reach storage", async () => {
		const message =
			'Uploaded file not found in S3. Ensure the upload to the presigned URL completed successfully.';
		siviApi()
			.post(`${ROOT}/files/get-presigned-url`)
			.reply(200, presignAnswer())
			.post(`${ROOT}/media/create`)
			.reply(400, { status: 400, body: { message } });
		storageHost({}).put('/logos/abc123.png').query(true).reply(200, '');

		const run = await env.engine.run({
			nodes: [files(), sivi({ resource: 'media', operation: 'uploadFile', type: 'logo' })],
			credentials,
		});

		expect(run.error('Sivi')).toMatchObject({ message: `${message} [item 0]`, httpCode: '400' });
	});
});

describe('Media → Upload Binary', () => {
	it("uploads to Sivi's own answer shape with its method and headers, without a key", async () => {
		const storage = storageHost({ 'content-type': 'image/png', 'content-length': '2048' })
			.put('/logos/abc123.png')
			.query(true)
			.reply(200, '', { ETag: '"etag"' });

		const run = await env.engine.run({
			nodes: [
				files({ json: { sivi: presignAnswer().body } }),
				sivi(
					{ resource: 'media', operation: 'uploadBinary', target: '={{ $json.sivi }}' },
					{ credentials: undefined },
				),
			],
		});

		expect(run.error('Sivi')).toBeUndefined();
		expect(storage.isDone()).toBe(true);
		expect(run.output('Sivi')[0].json.upload).toMatchObject({ bytes: 2048, etag: '"etag"' });
	});
});

describe('Media → Complete Upload', () => {
	it('posts Create Media with the type, the URL and the owner, and outputs the media', async () => {
		const api = siviApi()
			.post(`${ROOT}/media/create`, {
				type: 'screenshot',
				uploadUrl: LOGO_URL,
				bId: 'b_2',
				abstractUserId: 'user-9',
				subType: 'macbook',
			})
			.reply(200, ok({ media: { ...mediaRecord, type: 'screenshot', subType: 'macbook' } }));

		const run = await env.engine.run({
			nodes: [
				files({ json: { uploadUrl: LOGO_URL } }),
				sivi({
					resource: 'media',
					operation: 'complete',
					type: 'screenshot',
					uploadUrl: '={{ $json.uploadUrl }}',
					additionalFields: { brandId: 'b_2', abstractUserId: 'user-9', subType: 'macbook' },
				}),
			],
			credentials,
		});

		expect(run.error('Sivi')).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(run.output('Sivi')[0].json).toMatchObject({
			mediaId: mediaRecord.mId,
			media: { subType: 'macbook' },
		});
	});

	it.each([
		[
			'no URL',
			'={{ $json.missing }}',
			'"Upload URL" must be the presigned URL, got nothing [item 0]',
		],
		['a path', '/logos/abc.png', '"Upload URL" is not a valid URL [item 0]'],
	])('refuses %s before any request', async (_, uploadUrl, message) => {
		const run = await env.engine.run({
			nodes: [files(), sivi({ resource: 'media', operation: 'complete', type: 'logo', uploadUrl })],
			credentials,
		});

		expect(run.error('Sivi')?.message).toBe(message);
		expect(env.unexpected.count()).toBe(0);
	});

	it('fails when Create Media answers without a media ID', async () => {
		siviApi()
			.post(`${ROOT}/media/create`)
			.reply(200, ok({ media: {} }));

		const run = await env.engine.run({
			nodes: [
				files(),
				sivi({ resource: 'media', operation: 'complete', type: 'logo', uploadUrl: LOGO_URL }),
			],
			credentials,
		});

		expect(run.error('Sivi')?.message).toBe(
			'Sivi answered Create Media without a media ID [item 0]',
		);
	});
});

describe('Upload File options', () => {
	it.each([
		['media', { type: 'logo' }],
		['font', {}],
	])(
		'%s: a Max Attempts of 0 from an expression fails before any request',
		async (resource, extra) => {
			const run = await env.engine.run({
				nodes: [
					files(resource === 'font' ? { fileName: 'a.ttf', mimeType: 'font/ttf' } : {}),
					sivi({
						resource,
						operation: 'uploadFile',
						...extra,
						options: { maxAttempts: '={{ 0 }}' },
					}),
				],
				credentials,
			});

			expect(run.error('Sivi')?.message).toBe(
				'"Max Attempts" must be a whole number from 1 to 10, got 0 [item 0]',
			);
			expect(env.unexpected.count()).toBe(0);
		},
	);
});

describe('the API plan of the credential', () => {
	it('puts the plan between the base URL and the endpoint, trailing slashes left out', async () => {
		const api = siviApi()
			.post('/api/staging/v2/enterprise/files/get-presigned-url')
			.reply(200, presignAnswer());

		const run = await env.engine.run({
			nodes: [files(), sivi({ resource: 'media', operation: 'getUploadUrl', type: 'logo' })],
			credentials: {
				siviApi: {
					apiKey: API_KEY,
					baseUrl: 'https://connect.sivi.ai/api/staging/v2/',
					apiPlan: 'enterprise',
				},
			},
		});

		expect(run.error('Sivi')).toBeUndefined();
		expect(api.isDone()).toBe(true);
	});

	it('refuses a plan Sivi does not have before any request', async () => {
		const run = await env.engine.run({
			nodes: [files(), sivi({ resource: 'media', operation: 'getUploadUrl', type: 'logo' })],
			credentials: { siviApi: { ...credentials.siviApi, apiPlan: 'basic' } },
		});

		expect(run.error('Sivi')?.message).toBe(
			'"API Plan" of the Sivi credential must be general, enterprise, super, got "basic" [item 0]',
		);
		expect(env.unexpected.count()).toBe(0);
	});
});
