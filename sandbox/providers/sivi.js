'use strict';
// A Sivi Core API emulator on loopback (Files, Media, Fonts, request status), below the
// documented base path /api/prod/v2 and a plan segment (general, enterprise or super):
//
//   POST <plan>/files/get-presigned-url   {type, extension?, contentType?, bId?, expiresIn?, abstractUserId?}
//                                         -> {uploadUrl, method: 'PUT', headers, expiresIn, fileName}
//   POST <plan>/media/create              {type, subType?, uploadUrl | url, bId?, ...} -> {media}
//                                         400 until storage holds the uploaded object
//   POST <plan>/font/create               {uploadedURL: string | string[]} -> {requestId} (queued)
//   GET  <plan>/get-request-status        ?queryParams={"requestId":"..."} -> pending, processing, completed|failed
//   POST <plan>/font/get                  {source?, limit?} -> {data, meta}
//
// Every answer is Sivi's envelope {status, body}; errors {status, body: {message}}. Each call
// wants the sivi-api-key header. Upload URLs are presigned PUTs from the strict storage sandbox,
// signed for the Content-Type returned in `headers` and, after setSignedHeaders(), for more
// headers that are returned as well. A font job moves one state further on each status look.
const crypto = require('node:crypto');

const { createJsonApi, ApiError } = require('../json-api');

const DEFAULT_API_KEY = 'sivi_sandbox_key';
const BASE_PATH = '/api/prod/v2';
const PLANS = ['general', 'enterprise', 'super'];
/** The end user the sandbox files fonts under when no abstractUserId is given. */
const SANDBOX_USER = 'u_sandbox';

/** Media Types & SubTypes: the extensions and sub-types each type allows; the first sub-type is the default. */
const MEDIA_TYPES = {
	photo: { extensions: ['jpg', 'jpeg', 'png', 'webp'], subTypes: ['photograph'] },
	logo: { extensions: ['jpeg', 'png', 'svg', 'webp'], subTypes: ['logo'] },
	illustration: { extensions: ['svg'], subTypes: ['illustration'] },
	screenshot: {
		extensions: ['jpg', 'jpeg', 'png', 'webp'],
		subTypes: ['iphone', 'ipad', 'macbook', 'imac', 'laptop', 'desktop', 'tablet', 'smartphone'],
	},
	backdrop: {
		extensions: ['jpg', 'jpeg', 'png'],
		subTypes: ['backgroundImage', 'pattern', 'texture'],
	},
	font: { extensions: ['ttf'], subTypes: [] },
};

const CONTENT_TYPES = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	svg: 'image/svg+xml',
	webp: 'image/webp',
	gif: 'image/gif',
	bmp: 'image/bmp',
	tiff: 'image/tiff',
	ttf: 'font/ttf',
};

const MESSAGES = {
	400: 'Uploaded file not found in S3. Ensure the upload to the presigned URL completed successfully.',
	401: 'Failed to authenticate request. Please add sivi-api-key header in request',
	422: 'Invalid input',
	429: 'Rate limit exceeded',
	500: 'Server internal error',
};

const envelope = (status, message) => ({ status, body: { message } });
const ok = (body) => ({ status: 200, body });
const invalid = (message = MESSAGES[422]) => new ApiError(422, message);

const randomId = (prefix) => `${prefix}${crypto.randomBytes(6).toString('base64url')}`;

/**
 * @param {{port?: number, host?: string, storage: object, apiKey?: string}} options
 */
async function startSivi({ port = 0, host = '127.0.0.1', storage, apiKey = DEFAULT_API_KEY } = {}) {
	if (!storage) throw new Error('startSivi needs the storage sandbox');
	/** object key -> {type, extension} of every upload URL handed out */
	const issued = new Map();
	const media = new Map();
	const fonts = new Map();
	const jobs = new Map();
	let extraSignedHeaders = {};

	function text(value) {
		return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
	}

	// ---- files -------------------------------------------------------------------------------

	async function presignedUrl(body) {
		const type = text(body.type);
		if (!type || !MEDIA_TYPES[type]) throw invalid();
		const extension = (text(body.extension) ?? 'jpeg').toLowerCase();
		if (!CONTENT_TYPES[extension] || !MEDIA_TYPES[type].extensions.includes(extension)) {
			throw invalid();
		}
		const expiresIn = body.expiresIn === undefined ? 300 : body.expiresIn;
		if (!Number.isInteger(expiresIn) || expiresIn < 60 || expiresIn > 3600) throw invalid();
		const contentType = text(body.contentType) ?? CONTENT_TYPES[extension];
		const fileName = `${randomId('')}.${extension}`;
		const owner = text(body.abstractUserId) ?? SANDBOX_USER;
		const key = type === 'font' ? `user-data/${owner}/fonts/${fileName}` : `${type}s/${fileName}`;
		const signed = await storage.presignPut(key, {
			contentType,
			signedHeaders: extraSignedHeaders,
			expiresIn,
		});
		issued.set(key, { type, extension });
		return ok({
			uploadUrl: signed.url,
			method: 'PUT',
			headers: { 'Content-Type': contentType, ...extraSignedHeaders },
			expiresIn,
			fileName,
		});
	}

	/** The storage key behind an upload URL this emulator handed out, or undefined. */
	function issuedKey(uploadUrl) {
		let url;
		try {
			url = new URL(uploadUrl);
		} catch {
			return undefined;
		}
		const prefix = `/${storage.bucket}/`;
		if (`${url.protocol}//${url.host}` !== storage.url || !url.pathname.startsWith(prefix)) {
			return undefined;
		}
		const key = decodeURIComponent(url.pathname.slice(prefix.length));
		return issued.has(key) ? key : undefined;
	}

	// ---- media -------------------------------------------------------------------------------

	function createMedia(body) {
		const type = text(body.type);
		if (!type || type === 'font' || !MEDIA_TYPES[type]) throw invalid();
		const subType = text(body.subType) ?? MEDIA_TYPES[type].subTypes[0];
		if (!MEDIA_TYPES[type].subTypes.includes(subType)) throw invalid();
		const uploadUrl = text(body.uploadUrl);
		if (!uploadUrl && !text(body.url)) throw invalid('Either url or uploadUrl is required');
		if (uploadUrl && text(body.url)) throw invalid('Provide either url or uploadUrl, not both');
		if (!uploadUrl) throw invalid('The sandbox registers uploads only: use uploadUrl');
		const key = issuedKey(uploadUrl);
		if (!key || !storage.getObject(key)) throw new ApiError(400, MESSAGES[400]);
		if (!MEDIA_TYPES[type].extensions.includes(issued.get(key).extension)) throw invalid();
		const fileName = key.split('/').pop();
		const record = {
			mId: `w_${randomId('')}----${fileName}`,
			bId: text(body.bId) ?? null,
			type,
			subType,
			system: 'USER',
			url: fileName,
			createdOn: Math.floor(Date.now() / 1000),
			meta: {
				touchPosition: {
					left: false,
					right: false,
					top: false,
					bottom: false,
					center: false,
					...body.touchPosition,
				},
				imagePreference: {
					crop: false,
					removeBg: false,
					enhancement: false,
					...body.imagePreference,
				},
				hueRotations: Array.isArray(body.hueRotations) ? body.hueRotations : [],
				logoStyle: [],
			},
			key,
		};
		media.set(record.mId, record);
		const { key: _key, ...view } = record;
		return ok({ media: view });
	}

	// ---- fonts -------------------------------------------------------------------------------

	function createFont(body) {
		const given = body.uploadedURL;
		const urls = typeof given === 'string' ? [given] : given;
		const valid =
			Array.isArray(urls) &&
			urls.length > 0 &&
			urls.every((url) => typeof url === 'string' && /^https?:\/\/[^\s]+$/.test(url));
		if (!valid) throw invalid('Invalid uploadedURL format');
		const requestId = randomId('');
		jobs.set(requestId, {
			requestId,
			urls,
			state: 'pending',
			abstractUserId: text(body.abstractUserId),
		});
		return ok({ requestId });
	}

	/** The job's fonts once processed, or the reason it fails: every URL must hold an uploaded font. */
	function processFonts(job) {
		const processed = [];
		for (const url of job.urls) {
			const key = issuedKey(url);
			if (!key || issued.get(key).type !== 'font' || !storage.getObject(key)) {
				return { reason: `Uploaded font not found in S3: ${url.split('?')[0]}` };
			}
			const id = key
				.split('/')
				.pop()
				.replace(/\.ttf$/i, '');
			processed.push({ id, name: id, classification: 'user', source: 'user' });
		}
		return { processed };
	}

	/** One look moves the job one state on: pending -> processing -> completed or failed. */
	function advance(job) {
		if (job.state === 'pending') {
			job.state = 'processing';
		} else if (job.state === 'processing') {
			const { processed, reason } = processFonts(job);
			if (reason) {
				job.state = 'failed';
				job.reason = reason;
			} else {
				job.state = 'completed';
				job.result = { fonts: processed };
				for (const font of processed) fonts.set(font.id, font);
			}
		}
	}

	function requestStatus(query) {
		let params;
		try {
			params = JSON.parse(query.get('queryParams') ?? '');
		} catch {
			throw invalid();
		}
		const job = jobs.get(text(params?.requestId) ?? '');
		if (!job) throw new ApiError(404, 'Request not found');
		const seen = job.state;
		advance(job);
		const progress = { pending: 0, processing: 50, completed: 100, failed: 100 };
		const view = {
			requestId: job.requestId,
			status: seen,
			progress: progress[seen],
			queueWaitTime: 0,
		};
		if (seen === 'completed') view.result = job.result;
		if (seen === 'failed') view.reason = job.reason;
		return ok(view);
	}

	function listFonts(body) {
		const limit = body.limit === undefined ? 20 : body.limit;
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalid();
		const all = body.source === 'system' ? [] : [...fonts.values()];
		return ok({ data: all.slice(0, limit), meta: { cursor: null } });
	}

	// ---- routes ------------------------------------------------------------------------------

	const api = createJsonApi({
		auth: { header: 'sivi-api-key', expected: apiKey, scope: '/api/' },
		envelope,
		maskHeaders: ['sivi-api-key'],
		errors: {
			unauthorized: { message: MESSAGES[401] },
			notFound: { message: 'Route not found' },
			invalidJson: { message: MESSAGES[422] },
			internal: { message: MESSAGES[500] },
		},
	});
	const planRoute = (method, path, handler) =>
		api.route(method, `${BASE_PATH}/:plan${path}`, (request) => {
			if (!PLANS.includes(request.params.plan)) throw new ApiError(404, 'Route not found');
			return handler(request);
		});
	planRoute('POST', '/files/get-presigned-url', ({ json }) => presignedUrl(json()));
	planRoute('POST', '/media/create', ({ json }) => createMedia(json()));
	planRoute('POST', '/font/create', ({ json }) => createFont(json()));
	planRoute('POST', '/font/get', ({ json }) => listFonts(json()));
	planRoute('GET', '/get-request-status', ({ query }) => requestStatus(query));
	api.route('GET', '/health', () => ({ ok: true }));
	const { url, port: actual, close } = await api.listen({ port, host });

	return {
		url,
		port: actual,
		/** What a credential's Base URL is set to for this emulator. */
		baseUrl: `${url}${BASE_PATH}`,
		apiKey,
		calls: api.calls,
		media,
		fonts,
		jobs,
		/** Signs these headers into every later upload URL too, and returns them in `headers`. */
		setSignedHeaders(headers = {}) {
			extraSignedHeaders = { ...headers };
		},
		/** The next `times` calls matching method/path answer `status` in Sivi's envelope. */
		failNext({ status, message, method, path, times = 1, retryAfter } = {}) {
			api.failNext({
				status,
				message: message ?? MESSAGES[status],
				method,
				path,
				times,
				headers: retryAfter === undefined ? undefined : { 'Retry-After': String(retryAfter) },
			});
		},
		/** The next matching calls get exactly this answer: { status, body (a Buffer is sent as is), headers }. */
		answerNext: api.failNext,
		clearFaults: api.clearFaults,
		setLatency: api.setLatency,
		/** Forgets calls, faults, latency, extra signed headers, uploads, media, fonts and jobs. */
		reset() {
			api.reset();
			extraSignedHeaders = {};
			for (const map of [issued, media, fonts, jobs]) map.clear();
		},
		close,
	};
}

module.exports = { startSivi, DEFAULT_API_KEY, BASE_PATH, MEDIA_TYPES, CONTENT_TYPES };
