'use strict';
// A Screening Eagle Inspect (regional) API emulator on loopback. Upload URLs are real presigned
// PUT URLs from the strict storage sandbox, signed for the announced Content-Type; a file is
// stored at `inspect/<asset id>/<file id>`.
//
//   POST /api/inspect/v1/file/upload/presigned   {assetID, contentType, hash (base64 SHA-256), name, size}
//        201 {data: {presignedURL, id}}; 200 {data: {id}} when the asset already has a completed
//        file with this hash (nothing to upload)
//   <complete.method> <complete.path>            marks the file uploaded once storage holds bytes whose
//        SHA-256 (base64) and size equal the announced ones. Screening Eagle does not publish this
//        call: method and path are options (default POST /api/inspect/v1/file/upload/complete with
//        {id}); a path with :fileId takes the id from the path instead of the body.
//   POST /api/inspect/v1/spot                    {assetID, spotTemplateID, complete, fields, createdAt, attachments[]}
//        201 {data: {id}}; attachments must be completed files of the same asset, times in ms
//   GET  /api/inspect/v1/spot/attachment?spotID=<uuid>   {data: [attachment]}
//   GET  /api/inspect/v1/spot/field?assetID=<uuid>       {data: [spot field]} (the credential test)
//
// Every /api/ call wants the token: "Authorization: Bearer <token>" by default, or as it is in
// another header (`authHeader`). Errors use Screening Eagle's envelope {error, errorDescription}.
const crypto = require('node:crypto');

const { createJsonApi, ApiError, reply } = require('../json-api');

const DEFAULT_TOKEN = 'se_sandbox_token';
const URL_LIFETIME_SECONDS = 15 * 60;

/** Fixed ids, so example workflows and tests can name them. */
const ASSETS = {
	bridge: { id: '7f3e2a10-4b5c-4d6e-8f70-0a1b2c3d4e01', name: 'Sandbox Bridge' },
	tunnel: { id: '7f3e2a10-4b5c-4d6e-8f70-0a1b2c3d4e02', name: 'Sandbox Tunnel' },
	dam: { id: '7f3e2a10-4b5c-4d6e-8f70-0a1b2c3d4e03', name: 'Sandbox Dam' },
};

const SPOT_TEMPLATE = { id: '7f3e2a10-4b5c-4d6e-8f70-0a1b2c3d4e10', name: 'Crack inspection' };

const SPOT_FIELDS = [
	{
		id: '7f3e2a10-4b5c-4d6e-8f70-0a1b2c3d4e21',
		name: 'Severity',
		type: 1,
		multiLevel: false,
		multivalued: false,
		options: [
			{ text: 'Low', value: 'low', color: '#2e7d32' },
			{ text: 'High', value: 'high', color: '#c62828' },
		],
	},
	{
		id: '7f3e2a10-4b5c-4d6e-8f70-0a1b2c3d4e22',
		name: 'Notes',
		type: 6,
		multiLevel: false,
		multivalued: false,
		options: [],
	},
];

const DEFAULT_COMPLETE = { method: 'POST', path: '/api/inspect/v1/file/upload/complete' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=$/;
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
/** Timestamps are milliseconds; anything below this is seconds or garbage. */
const SMALLEST_MILLISECONDS = 1e11;

const ERROR_CODES = {
	400: 'BadRequest',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'NotFound',
	429: 'TooManyRequests',
	500: 'InternalServerError',
};

/** Screening Eagle's error body; `details` is the error code when the caller names one. */
function envelope(status, message, details) {
	return {
		error: typeof details === 'string' ? details : (ERROR_CODES[status] ?? 'Error'),
		errorDescription: message,
	};
}

const badRequest = (message) => new ApiError(400, message, 'BadRequest');
const notFound = (message) => new ApiError(404, message, 'NotFound');

function uuidIn(value, field) {
	if (typeof value !== 'string' || !UUID.test(value)) throw badRequest(`${field} must be a UUID`);
	return value.toLowerCase();
}

function milliseconds(value, field) {
	if (!Number.isInteger(value) || value < SMALLEST_MILLISECONDS) {
		throw badRequest(`${field} must be a Unix time in milliseconds`);
	}
	return value;
}

function sha256Base64(hexDigest) {
	return Buffer.from(hexDigest, 'hex').toString('base64');
}

/**
 * @param {{port?: number, host?: string, storage: object, token?: string, authHeader?: string,
 *   complete?: {method: string, path: string}, maxFileBytes?: number}} options
 */
async function startScreeningEagle({
	port = 0,
	host = '127.0.0.1',
	storage,
	token = DEFAULT_TOKEN,
	authHeader = 'authorization',
	complete = DEFAULT_COMPLETE,
	maxFileBytes = 5 * 1024 ** 3,
} = {}) {
	if (!storage) throw new Error('startScreeningEagle needs the storage sandbox');
	const files = new Map();
	const spots = new Map();
	const assetIds = new Set(Object.values(ASSETS).map((asset) => asset.id));
	const headerName = authHeader.toLowerCase();

	function knownAsset(value, field = 'assetID') {
		const id = uuidIn(value, field);
		if (!assetIds.has(id)) throw notFound('asset not found');
		return id;
	}

	// ---- files -------------------------------------------------------------------------------

	function announced(body) {
		const assetID = knownAsset(body.assetID);
		if (typeof body.contentType !== 'string' || !MIME_TYPE.test(body.contentType)) {
			throw badRequest('contentType must be a MIME type such as image/png');
		}
		if (typeof body.hash !== 'string' || !BASE64_SHA256.test(body.hash)) {
			throw badRequest('hash must be the SHA256 hash of the file, encoded in base64');
		}
		if (typeof body.name !== 'string' || body.name.trim() === '')
			throw badRequest('name is required');
		if (!Number.isInteger(body.size) || body.size < 0)
			throw badRequest('size must be the file size in bytes');
		if (body.size > maxFileBytes)
			throw badRequest(`size exceeds the limit of ${maxFileBytes} bytes`);
		return {
			assetID,
			contentType: body.contentType,
			hash: body.hash,
			name: body.name,
			size: body.size,
		};
	}

	function sameFile(announcement) {
		for (const file of files.values()) {
			if (file.assetID === announcement.assetID && file.hash === announcement.hash) return file;
		}
		return undefined;
	}

	async function presigned(body) {
		const announcement = announced(body);
		const existing = sameFile(announcement);
		if (existing?.status === 'uploaded') return reply(200, { data: { id: existing.id } });
		const id = existing?.id ?? crypto.randomUUID();
		const file = {
			id,
			key: `inspect/${announcement.assetID}/${id}`,
			status: 'pending',
			...announcement,
		};
		files.set(id, file);
		const signed = await storage.presignPut(file.key, {
			contentType: file.contentType,
			expiresIn: URL_LIFETIME_SECONDS,
		});
		return reply(201, { data: { presignedURL: signed.url, id } });
	}

	function completeFile(params, json) {
		const body = params.fileId === undefined ? json() : {};
		const id = uuidIn(params.fileId ?? body.id ?? body.fileID, 'id');
		const file = files.get(id);
		if (!file) throw notFound('file not found');
		const object = storage.getObject(file.key);
		if (!object) throw badRequest('the file has not been uploaded to the presigned URL');
		const received = sha256Base64(object.sha256);
		if (received !== file.hash) {
			throw badRequest(
				`the uploaded file's hash ${received} does not match the announced hash ${file.hash}`,
			);
		}
		if (object.size !== file.size) {
			throw badRequest(`the uploaded file has ${object.size} bytes, ${file.size} were announced`);
		}
		file.status = 'uploaded';
		file.received = { sha256Base64: received, size: object.size, contentType: object.contentType };
		return { data: { id: file.id, status: file.status } };
	}

	// ---- spots -------------------------------------------------------------------------------

	function attachmentOf(entry, assetID, index) {
		const where = `attachments[${index}]`;
		if (typeof entry !== 'object' || entry === null) throw badRequest(`${where} must be an object`);
		const fileID = uuidIn(entry.fileID, `${where}.fileID`);
		const file = files.get(fileID);
		if (!file) throw notFound(`${where}.fileID: file not found`);
		if (file.status !== 'uploaded')
			throw badRequest(`${where}.fileID: the file upload is not complete`);
		if (file.assetID !== assetID)
			throw badRequest(`${where}.fileID: the file belongs to another asset`);
		if (typeof entry.name !== 'string' || entry.name.trim() === '')
			throw badRequest(`${where}.name is required`);
		if (![0, 1, 2, 3].includes(entry.type)) throw badRequest(`${where}.type must be 0, 1, 2 or 3`);
		return {
			id: crypto.randomUUID(),
			fileID,
			name: entry.name,
			remarks: typeof entry.remarks === 'string' ? entry.remarks : '',
			type: entry.type,
			createdAt: milliseconds(entry.createdAt, `${where}.createdAt`),
			updatedAt: milliseconds(entry.updatedAt, `${where}.updatedAt`),
		};
	}

	function createSpot(body) {
		const assetID = knownAsset(body.assetID);
		if (uuidIn(body.spotTemplateID, 'spotTemplateID') !== SPOT_TEMPLATE.id)
			throw notFound('spot template not found');
		if (typeof body.complete !== 'boolean') throw badRequest('complete must be a boolean');
		if (typeof body.fields !== 'object' || body.fields === null || Array.isArray(body.fields)) {
			throw badRequest('fields must be an object');
		}
		const list = body.attachments ?? [];
		if (!Array.isArray(list)) throw badRequest('attachments must be an array');
		const spot = {
			id: crypto.randomUUID(),
			assetID,
			spotTemplateID: SPOT_TEMPLATE.id,
			complete: body.complete,
			fields: body.fields,
			createdAt:
				body.createdAt === undefined ? Date.now() : milliseconds(body.createdAt, 'createdAt'),
			attachments: list.map((entry, index) => attachmentOf(entry, assetID, index)),
		};
		spots.set(spot.id, spot);
		return spot;
	}

	async function attachmentsOf(query) {
		const spot = spots.get(uuidIn(query.get('spotID'), 'spotID'));
		if (!spot) throw notFound('spot not found');
		return Promise.all(
			spot.attachments.map(async (attachment, orderNo) => ({
				id: attachment.id,
				spotID: spot.id,
				assetID: spot.assetID,
				name: attachment.name,
				remarks: attachment.remarks,
				type: attachment.type,
				url: (await storage.presignGet(files.get(attachment.fileID).key)).url,
				thumbnailURL: null,
				orderNo,
				attributes: { photo360: false, rotation: 0 },
				createdAt: attachment.createdAt,
				createdBy: 'sandbox',
				updatedAt: attachment.updatedAt,
				updatedBy: 'sandbox',
			})),
		);
	}

	// ---- routes ------------------------------------------------------------------------------

	const api = createJsonApi({
		auth: {
			header: headerName,
			expected: headerName === 'authorization' ? `Bearer ${token}` : token,
			scope: '/api/',
		},
		envelope,
		errors: {
			unauthorized: {
				message: 'Authentication is required and was not provided or is invalid',
				details: 'Unauthorized',
			},
			notFound: { message: 'route not found', details: 'NotFound' },
			invalidJson: { message: 'request body is not valid JSON', details: 'BadRequest' },
		},
	});
	api.route('POST', '/api/inspect/v1/file/upload/presigned', ({ json }) => presigned(json()));
	api.route(complete.method, complete.path, ({ params, json }) => completeFile(params, json));
	api.route('POST', '/api/inspect/v1/spot', ({ json }) =>
		reply(201, { data: { id: createSpot(json()).id } }),
	);
	api.route('GET', '/api/inspect/v1/spot/attachment', async ({ query }) => ({
		data: await attachmentsOf(query),
	}));
	api.route('GET', '/api/inspect/v1/spot/field', ({ query }) => {
		knownAsset(query.get('assetID'));
		return { data: SPOT_FIELDS };
	});
	const { url, port: actual, close } = await api.listen({ port, host });

	return {
		url,
		port: actual,
		token,
		complete: { ...complete },
		calls: api.calls,
		files,
		spots,
		/** The next `times` calls matching method/path answer `status` in Screening Eagle's envelope. */
		failNext({ status, message, error, method, path, times = 1 } = {}) {
			api.failNext({ status, message, details: error, method, path, times });
		},
		/** The next matching calls get exactly this answer: { status, body (a Buffer is sent as is), headers }. */
		answerNext: api.failNext,
		clearFaults: api.clearFaults,
		setLatency: api.setLatency,
		/** Forgets calls, faults, latency, files and spots. */
		reset() {
			api.reset();
			files.clear();
			spots.clear();
		},
		close,
	};
}

module.exports = {
	startScreeningEagle,
	DEFAULT_TOKEN,
	ASSETS,
	SPOT_TEMPLATE,
	SPOT_FIELDS,
	DEFAULT_COMPLETE,
};
