'use strict';
// A Closient Scanner API emulator on loopback. Photos go to the strict storage sandbox through
// real S3 presigned POST policies (content-length-range, the key, success_action_status 201),
// and count only once registered: registration checks that the object exists and its size.
//
//   GET  /scanner/api/v1/sessions                                 list (page, page_size)
//   POST /scanner/api/v1/sessions                                 201, {capture_mode, metadata, ...}
//   GET  /scanner/api/v1/sessions/<id>                            with captures and product_photos
//   GET  /scanner/api/v1/sessions/<id>/presigned-upload-url       ?photo_type&original_filename
//   POST /scanner/api/v1/sessions/<id>/photos                     201, register {s3_key, photo_type, ...}
//   POST /scanner/api/v1/sessions/<id>/submit                     start processing
//   GET  /scanner/api/v1/sessions/<id>/status                     session_status, extraction_status
//
// Every call wants "X-API-Key: <csb|csu|cpk>_<32 letters and digits>_<crc32 of them, 8 hex>";
// the checksum is checked before the key is looked up. Errors are RFC 9457 problem details
// (application/problem+json). Every answer carries RateLimit-* headers from a fixed window
// (setRateLimit), and past the window's limit the answer is 429 with Retry-After and
// retry_after_seconds. `failNext()` injects faults, 429s included.
const crypto = require('node:crypto');
const { crc32 } = require('node:zlib');

const { createJsonApi, ApiError, reply } = require('../json-api');

const SCANNER = '/scanner/api/v1';

/** A key from its prefix and 32-character body, with its CRC-32 checksum. */
function makeKey(prefix, body) {
	return `${prefix}_${body}_${crc32(body).toString(16).padStart(8, '0')}`;
}

const DEFAULT_API_KEY = makeKey('csb', 'SandboxScannerKey000000000000001');
const KEY_SHAPE = /^(csb|csu|cpk)_([A-Za-z0-9]{32})_([0-9a-f]{8})$/;

const PHOTO_TYPES = [
	'front',
	'back',
	'left',
	'right',
	'top',
	'bottom',
	'nutrition',
	'ingredients',
	'barcode',
	'recycling',
	'certification',
	'other',
];
const CAPTURE_MODES = ['barcode_scan', 'product_photography', 'both'];
const EXTENSION_CONTENT_TYPES = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
	heic: 'image/heic',
};

/** The emulator's defaults: the documented tier and a photo size limit of its own choosing. */
const DEFAULTS = {
	rateLimit: { limit: 300, windowSeconds: 60 },
	maxPhotoBytes: 20 * 1024 * 1024,
	expiresIn: 3600,
};

const SHORT_ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function shortId() {
	const bytes = crypto.randomBytes(22);
	return Array.from(bytes, (b) => SHORT_ID_ALPHABET[b % SHORT_ID_ALPHABET.length]).join('');
}

const ERROR_CODES = {
	400: 'bad_request',
	401: 'unauthorized',
	403: 'forbidden',
	404: 'not_found',
	413: 'payload_too_large',
	422: 'validation_error',
	429: 'rate_limited',
	500: 'internal_error',
};

/** RFC 9457 problem details; `details` is the detail text or {detail, error_code, retryable}. */
function problem(status, title, details, extra = {}) {
	const given = typeof details === 'string' ? { detail: details } : (details ?? {});
	const code = given.error_code ?? ERROR_CODES[status] ?? 'error';
	return {
		type: `https://closient.com/docs/errors/${code}`,
		title,
		status,
		detail: given.detail ?? title,
		error_code: code,
		retryable: given.retryable ?? (status === 429 || status >= 500),
		timestamp: new Date().toISOString(),
		...extra,
	};
}

const invalid = (detail) => new ApiError(422, 'Validation Error', { detail });
const notFound = (detail) => new ApiError(404, 'Not Found', { detail });

/** A fixed window of `limit` requests; its headers go on every answer. */
function createRateLimit() {
	let settings = { ...DEFAULTS.rateLimit };
	let windowStart = 0;
	let count = 0;
	let refused = 0;

	function admit() {
		const now = Date.now();
		const windowMs = settings.windowSeconds * 1000;
		if (now >= windowStart + windowMs) {
			windowStart = now;
			count = 0;
		}
		count++;
		const resetSeconds = Math.max(0, Math.ceil((windowStart + windowMs - now) / 1000));
		const headers = {
			'RateLimit-Policy': `${settings.limit};w=${settings.windowSeconds}`,
			'RateLimit-Limit': String(settings.limit),
			'RateLimit-Remaining': String(Math.max(0, settings.limit - count)),
			'RateLimit-Reset': String(resetSeconds),
			'X-RateLimit-Limit': String(settings.limit),
			'X-RateLimit-Remaining': String(Math.max(0, settings.limit - count)),
			'X-RateLimit-Reset': String(Math.ceil((windowStart + windowMs) / 1000)),
		};
		if (count <= settings.limit) return headers;
		refused++;
		throw new ApiError(
			429,
			'Too Many Requests',
			{
				detail: `Rate limit of ${settings.limit} requests per ${settings.windowSeconds} s exceeded.`,
			},
			{
				headers: { ...headers, 'Retry-After': String(resetSeconds) },
				retry_after_seconds: resetSeconds,
			},
		);
	}

	return {
		admit,
		/** 429 answers the window gave (injected faults not counted). */
		refused: () => refused,
		set(next) {
			settings = { ...DEFAULTS.rateLimit, ...next };
			windowStart = 0;
			count = 0;
		},
		reset() {
			this.set(DEFAULTS.rateLimit);
			refused = 0;
		},
	};
}

/**
 * @param {{port?: number, host?: string, storage: object, apiKey?: string}} options
 */
async function startClosient({
	port = 0,
	host = '127.0.0.1',
	storage,
	apiKey = DEFAULT_API_KEY,
} = {}) {
	if (!storage) throw new Error('startClosient needs the storage sandbox');
	const sessions = new Map();
	const rateLimit = createRateLimit();
	let maxPhotoBytes = DEFAULTS.maxPhotoBytes;

	function checkKey(headers) {
		const key = headers['x-api-key'];
		if (key === undefined) {
			throw new ApiError(401, 'Unauthorized', {
				detail: 'Authentication credentials were not provided.',
			});
		}
		const shape = KEY_SHAPE.exec(String(key));
		if (!shape || makeKey(shape[1], shape[2]) !== key) {
			throw new ApiError(401, 'Unauthorized', {
				detail: 'The API key is malformed: its prefix, body or checksum is wrong.',
			});
		}
		if (key !== apiKey) throw new ApiError(401, 'Unauthorized', { detail: 'Invalid API key.' });
	}

	// ---- sessions ------------------------------------------------------------------------------

	function sessionView(session, { details = false } = {}) {
		const view = {
			id: session.id,
			status: session.status,
			capture_mode: session.capture_mode,
			created: session.created,
			modified: session.modified,
			metadata: { ...session.metadata },
			capture_count: 0,
			photo_count: session.photos.length,
		};
		if (details) {
			view.captures = [];
			view.product_photos = session.photos.map((photo) => ({ ...photo }));
		}
		return view;
	}

	function createSession(body) {
		const mode = body.capture_mode ?? 'barcode_scan';
		if (!CAPTURE_MODES.includes(mode)) {
			throw invalid(`capture_mode must be one of ${CAPTURE_MODES.join(', ')}`);
		}
		const metadata = body.metadata ?? {};
		if (typeof metadata !== 'object' || Array.isArray(metadata))
			throw invalid('metadata must be an object');
		if (Object.keys(metadata).length > 50) throw invalid('metadata may have at most 50 keys');
		const now = new Date().toISOString();
		const session = {
			id: shortId(),
			status: 'ACTIVE',
			capture_mode: mode,
			metadata,
			created: now,
			modified: now,
			extraction_status: 'pending',
			photos: [],
			/** s3_key -> photo_type, for the keys this session handed out. */
			issuedKeys: new Map(),
		};
		sessions.set(session.id, session);
		return session;
	}

	function findSession(id) {
		const session = sessions.get(id);
		if (!session) throw notFound(`No scan session with id ${id}.`);
		return session;
	}

	function activeSession(id) {
		const session = findSession(id);
		if (session.status !== 'ACTIVE') throw invalid(`The session is ${session.status}, not ACTIVE.`);
		return session;
	}

	// ---- photos --------------------------------------------------------------------------------

	function photoTypeOf(value) {
		const type = value ?? 'other';
		if (!PHOTO_TYPES.includes(type))
			throw invalid(`photo_type must be one of ${PHOTO_TYPES.join(', ')}`);
		return type;
	}

	async function presignedUpload(session, query) {
		const photoType = photoTypeOf(query.get('photo_type') ?? undefined);
		const filename = query.get('original_filename') || 'photo.jpg';
		const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
		const contentType = EXTENSION_CONTENT_TYPES[extension];
		if (!contentType) {
			throw invalid(
				`original_filename must end in one of .${Object.keys(EXTENSION_CONTENT_TYPES).join(', .')}`,
			);
		}
		const key = `scanner/photos/${session.id}/${photoType}/${shortId()}.${extension}`;
		const post = await storage.presignPost(key, {
			contentType,
			maxBytes: maxPhotoBytes,
			fields: { success_action_status: '201' },
			expiresIn: DEFAULTS.expiresIn,
		});
		session.issuedKeys.set(key, photoType);
		return {
			upload_url: post.url,
			upload_fields: post.fields,
			s3_key: key,
			expires_in: DEFAULTS.expiresIn,
		};
	}

	function registerPhoto(session, body) {
		if (typeof body.s3_key !== 'string' || body.s3_key === '') throw invalid('s3_key is required');
		if (!session.issuedKeys.has(body.s3_key)) {
			throw invalid('s3_key was not issued for this session by presigned-upload-url.');
		}
		if (session.photos.some((photo) => photo.s3_key === body.s3_key)) {
			throw invalid('A photo with this s3_key is already registered.');
		}
		const photoType = photoTypeOf(body.photo_type);
		const object = storage.getObject(body.s3_key);
		if (!object)
			throw invalid('No uploaded file at s3_key: upload it with the presigned form first.');
		if (body.file_size !== undefined && body.file_size !== null && body.file_size !== object.size) {
			throw invalid(
				`file_size ${body.file_size} does not match the uploaded file's ${object.size} bytes.`,
			);
		}
		const photo = {
			id: shortId(),
			photo_type: photoType,
			s3_key: body.s3_key,
			original_filename: typeof body.original_filename === 'string' ? body.original_filename : '',
			sort_order: session.photos.length,
			created: new Date().toISOString(),
			metadata: body.metadata ?? {},
			file_size: object.size,
			capture_short_id: body.capture_short_id ?? null,
		};
		session.photos.push(photo);
		session.modified = photo.created;
		return photo;
	}

	function submit(session) {
		if (session.photos.length === 0)
			throw invalid('The session has no photos or captures to process.');
		session.status = 'COMPLETED';
		session.extraction_status = 'processing';
		session.modified = new Date().toISOString();
		return { ...sessionView(session), extraction_status: session.extraction_status };
	}

	// ---- routes --------------------------------------------------------------------------------

	const api = createJsonApi({
		envelope: problem,
		errorHeaders: { 'Content-Type': 'application/problem+json' },
		// The window counts every call, refused keys too, so that every answer carries its headers.
		admit: ({ headers }) => {
			const limits = rateLimit.admit();
			try {
				checkKey(headers);
			} catch (error) {
				error.headers = { ...limits, ...error.headers };
				throw error;
			}
			return limits;
		},
		maskHeaders: ['x-api-key'],
		errors: {
			notFound: { message: 'Not Found', details: { detail: 'No such endpoint.' } },
			invalidJson: { message: 'Bad Request', details: { detail: 'The body is not valid JSON.' } },
			tooLarge: { message: 'Payload Too Large' },
			internal: { message: 'Internal Server Error' },
		},
	});
	const sessionPath = `${SCANNER}/sessions/:id`;
	api.route('GET', `${SCANNER}/sessions`, ({ query }) => {
		const pageSize = Math.min(100, Math.max(1, Number(query.get('page_size')) || 25));
		const page = Math.max(1, Number(query.get('page')) || 1);
		const all = [...sessions.values()].map((s) => sessionView(s));
		const totalPages = Math.max(1, Math.ceil(all.length / pageSize));
		return {
			data: all.slice((page - 1) * pageSize, page * pageSize),
			pagination: {
				page,
				page_size: pageSize,
				total_count: all.length,
				total_pages: totalPages,
				has_next: page < totalPages,
				has_previous: page > 1,
			},
		};
	});
	api.route('POST', `${SCANNER}/sessions`, ({ json }) =>
		reply(201, sessionView(createSession(json()))),
	);
	api.route('GET', sessionPath, ({ params }) =>
		sessionView(findSession(params.id), { details: true }),
	);
	api.route('GET', `${sessionPath}/presigned-upload-url`, ({ params, query }) =>
		presignedUpload(activeSession(params.id), query),
	);
	api.route('POST', `${sessionPath}/photos`, ({ params, json }) =>
		reply(201, { ...registerPhoto(activeSession(params.id), json()) }),
	);
	api.route('POST', `${sessionPath}/submit`, ({ params }) => submit(activeSession(params.id)));
	api.route('GET', `${sessionPath}/status`, ({ params }) => {
		const session = findSession(params.id);
		return {
			session_status: session.status,
			extraction_status: session.extraction_status,
			captures: [],
		};
	});
	const { url, port: actual, close } = await api.listen({ port, host });

	return {
		url,
		port: actual,
		apiKey,
		calls: api.calls,
		sessions,
		/** A fresh ACTIVE session without an HTTP call; its view. */
		seedSession(body = {}) {
			return sessionView(createSession(body));
		},
		/** The next `times` matching calls answer `status` as problem details; 429 with Retry-After. */
		failNext({ status, message, details, method, path, times = 1, retryAfter } = {}) {
			const limited = status === 429;
			const headers = { 'Content-Type': 'application/problem+json' };
			if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
			api.failNext({
				status,
				method,
				path,
				times,
				headers,
				body: problem(
					status,
					message ?? (limited ? 'Too Many Requests' : 'Injected failure'),
					details,
					{
						...(limited && retryAfter !== undefined ? { retry_after_seconds: retryAfter } : {}),
					},
				),
			});
		},
		/** The next matching calls get exactly this answer: { status, body (a Buffer is sent as is), headers }. */
		answerNext: api.failNext,
		/** A window of `limit` requests per `windowSeconds`, starting afresh. */
		setRateLimit: (settings) => rateLimit.set(settings),
		/** 429 answers the rate-limit window gave since the last reset. */
		rateLimitRefusals: () => rateLimit.refused(),
		/** The largest photo the presigned POST policies allow. */
		setMaxPhotoBytes(bytes) {
			maxPhotoBytes = bytes;
		},
		clearFaults: api.clearFaults,
		setLatency: api.setLatency,
		/** Forgets calls, faults, latency and sessions; back to the default limits. */
		reset() {
			api.reset();
			sessions.clear();
			rateLimit.reset();
			maxPhotoBytes = DEFAULTS.maxPhotoBytes;
		},
		close,
	};
}

module.exports = {
	startClosient,
	makeKey,
	DEFAULT_API_KEY,
	DEFAULTS,
	PHOTO_TYPES,
	EXTENSION_CONTENT_TYPES,
};
