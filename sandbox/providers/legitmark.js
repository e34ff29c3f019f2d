'use strict';
// A Legitmark Partner API emulator on loopback: the platform API (service requests, taxonomy)
// and the asset host's GET /intent on one port, so a credential's two base URLs can both point
// at it. Upload URLs are real presigned PUT URLs from the strict storage sandbox, and a side
// counts as uploaded once storage holds `sr/<sr uuid>/<side uuid>.<ext>`.
//
//   POST /api/v2/sr                 create a DRAFT service request (reference_id, item{category,type,brand?}, service?)
//   GET  /api/v2/sr/<uuid>          flags: item, sides (needs item), requirements (needs item+sides), summary, service, ...
//   POST /api/v2/sr/<uuid>/submit   DRAFT -> QC; 400 while required sides are missing, 409 when not DRAFT
//   GET  /api/v2/categories[/tree], /api/v2/brands   the fixed sandbox taxonomy below
//   GET  /intent?sr=<uuid>&side=<side uuid>.<ext>   {message, url}; no key needed, a wrong key is refused
//   GET  /health
//   POST /sandbox/sr/<uuid>/state   test hook: {primary, supplement} moves the request and sends state_change
//   POST /sandbox/webhooks          test hook: {url, secret?} registers a webhook endpoint
//
// State moves (moveServiceRequest, rejectMedia, invalidateServiceRequest, or states queued with
// queueStates, applied one per GET of the request) send Legitmark's webhook events, signed as
// Svix signs them, to every registered endpoint (legitmark-webhooks.js); redeliver(messageId)
// sends one again with the same svix-id, as Svix's retries do.
//
// Every /api/ call wants "Authorization: Bearer <apiKey>". Errors use Legitmark's envelope
// {success:false, error:{code, timestamp, message, details}}. `failNext()` makes the next
// matching calls fail (e.g. a 429), as Legitmark would under load. The HTTP around it (routes,
// key check, bodies, faults, call log) is the JSON-API kit's (json-api/).
const crypto = require('node:crypto');

const { createJsonApi, ApiError } = require('../json-api');
const { createWebhookSender, DEFAULT_WEBHOOK_SECRET } = require('./legitmark-webhooks');

const DEFAULT_API_KEY = 'leo_sandbox_key';

/** Fixed ids, so example workflows and tests can name them. */
const TAXONOMY = {
	category: { uuid: '5b0d3f4e-2c1a-4e8b-9f60-1a2b3c4d5e01', name: 'Handbags' },
	type: { uuid: '5b0d3f4e-2c1a-4e8b-9f60-1a2b3c4d5e02', name: 'Tote' },
	brand: { uuid: '5b0d3f4e-2c1a-4e8b-9f60-1a2b3c4d5e03', name: 'Sandbox Maison' },
	service: { uuid: '5b0d3f4e-2c1a-4e8b-9f60-1a2b3c4d5e04', name: 'Standard Authentication' },
};

/** Every sandbox service request asks for these sides: two required, one optional. */
const SIDES = [
	{
		uuid: '3c14e504-8134-11ef-9e85-02d0d7ecc26b',
		name: 'Front',
		required: true,
		group: 'Exterior',
	},
	{
		uuid: 'ec883c70-f896-47c9-81b6-8d6ff0b5856a',
		name: 'Interior Size Tag',
		required: true,
		group: 'Interior',
	},
	{
		uuid: 'a7d2e3f4-5b6c-4d7e-8f90-1a2b3c4d5e06',
		name: 'Hardware Close-up',
		required: false,
		group: 'Exterior',
	},
];

const EXTENSION_CONTENT_TYPES = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	heic: 'image/heic',
	dng: 'image/x-adobe-dng',
};

/** What Legitmark's SDK sends with each PUT; the sandbox signs both into its upload URLs. */
const SDK_SIGNED_HEADERS = { 'x-amz-acl': 'public-read', 'cache-control': 'max-age=10' };

const PRIMARY_STATES = ['DRAFT', 'QC', 'UNDERWAY', 'COMPLETE', 'CANCELLED'];
const SUPPLEMENTS = ['PENDING', 'REJECTED', 'ASSIGNED', 'APPROVED', 'COMPLETE', null];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Legitmark's error body; `errors` lists field errors of a failed validation. */
function envelope(status, message, details, { errors } = {}) {
	const error = { code: status, timestamp: new Date().toISOString(), message };
	if (details !== undefined) error.details = details;
	if (errors) error.errors = errors;
	return { success: false, error };
}

/** One page of a taxonomy list, in Legitmark's list answer. */
function taxonomyList(items, query) {
	const pageSize = Math.min(100, Number(query.get('page_size')) || 20);
	const page = Number(query.get('page_number')) || 1;
	return {
		success: true,
		data: items.slice((page - 1) * pageSize, page * pageSize),
		metadata: {
			total_count: items.length,
			page_number: page,
			total_pages: 1,
			page_size: pageSize,
		},
	};
}

function isTrue(query, flag) {
	return query.get(flag) === 'true' || query.get(flag) === '1';
}

/**
 * @param {{port?: number, host?: string, storage: object, apiKey?: string,
 *   signedHeaders?: Record<string, string>, intentExpiresIn?: number}} options
 *   signedHeaders: extra headers signed into every upload URL (default: the SDK's two).
 */
async function startLegitmark({
	port = 0,
	host = '127.0.0.1',
	storage,
	apiKey = DEFAULT_API_KEY,
	signedHeaders = SDK_SIGNED_HEADERS,
	intentExpiresIn = 300,
} = {}) {
	if (!storage) throw new Error('startLegitmark needs the storage sandbox');
	const serviceRequests = new Map();
	const queuedStates = new Map();
	const webhooks = createWebhookSender();
	let microIds = 100000;

	// ---- service requests ------------------------------------------------------------------

	function storedMedia(srUuid, sideUuid) {
		for (const ext of Object.keys(EXTENSION_CONTENT_TYPES)) {
			const key = `sr/${srUuid}/${sideUuid}.${ext}`;
			const object = storage.getObject(key);
			if (object) {
				return [
					{
						url: `${storage.url}/${storage.bucket}/${key}`,
						version_id: object.etag,
						last_modified:
							object.lastModified instanceof Date
								? object.lastModified.toISOString()
								: object.lastModified,
						size: object.size,
						is_latest: true,
					},
				];
			}
		}
		return [];
	}

	function sideView(sr, side, ordinal) {
		return {
			uuid: side.uuid,
			name: side.name,
			description: `Photo of the ${side.name.toLowerCase()}`,
			ordinal,
			required: side.required,
			active: true,
			side_group_id: side.group === 'Exterior' ? 1 : 2,
			side_group_name: side.group,
			overlay_image: null,
			example_image: null,
			thumbnail_image: null,
			media_url: storedMedia(sr.uuid, side.uuid),
			is_thumbnail: ordinal === 0,
		};
	}

	function sidesOf(sr) {
		const all = SIDES.map((side, ordinal) => sideView(sr, side, ordinal));
		const required = all.filter((s) => s.required);
		const optional = all.filter((s) => !s.required);
		const present = (list) => list.filter((s) => s.media_url.length > 0).length;
		const progress = {
			current_required: present(required),
			total_required: required.length,
			current_optional: present(optional),
			total_optional: optional.length,
			met: present(required) === required.length,
		};
		return { required, optional, progress };
	}

	function publicView(sr, query) {
		const view = {
			uuid: sr.uuid,
			active: true,
			migrated: false,
			micro_id: sr.micro_id,
			legacy_id: null,
			external_id: sr.external_id,
			tab: sr.state.primary,
			source: sr.source,
			partner_code: 'SANDBOX',
			state: { ...sr.state },
			summary: null,
			user: null,
			service: sr.service,
			created_at: sr.created_at,
			updated_at: sr.updated_at,
			drafted_at: sr.created_at,
		};
		if (!query) return view;
		const item = isTrue(query, 'item');
		const sides = item && isTrue(query, 'sides');
		if (item) view.item = { ...sr.item };
		if (sides) view.sides = sidesOf(sr);
		if (sides && isTrue(query, 'requirements')) {
			const all = [...view.sides.required, ...view.sides.optional];
			const groups = [...new Set(all.map((s) => s.side_group_name))];
			view.requirements = {
				side_groups: groups.map((name) => {
					const members = all.filter((s) => s.side_group_name === name);
					return {
						name,
						sides: members,
						total_required: members.filter((s) => s.required).length,
						total_optional: members.filter((s) => !s.required).length,
					};
				}),
			};
		}
		if (isTrue(query, 'summary'))
			view.summary = { item: `${TAXONOMY.brand.name} ${TAXONOMY.type.name}` };
		if (isTrue(query, 'service')) view.service = { ...TAXONOMY.service };
		return view;
	}

	function knownTaxonomy(kind, uuid) {
		return typeof uuid === 'string' && TAXONOMY[kind].uuid === uuid.toLowerCase()
			? { ...TAXONOMY[kind] }
			: undefined;
	}

	function createServiceRequest(body) {
		const reference = body.reference_id ?? body.external_id;
		const errors = [];
		if (typeof reference !== 'string' || reference.trim() === '') {
			errors.push({ code: 'validation/missing-field', message: 'reference_id is required' });
		}
		if (typeof body.item !== 'object' || body.item === null) {
			errors.push({ code: 'validation/missing-field', message: 'item is required' });
		}
		if (errors.length)
			throw new ApiError(400, 'Validation failed', 'validation/missing-field', { errors });
		const category = knownTaxonomy('category', body.item.category);
		const type = knownTaxonomy('type', body.item.type);
		if (!category || !type) {
			throw new ApiError(400, 'Unknown item category or type', 'validation/invalid-taxonomy');
		}
		const brand =
			body.item.brand === undefined ? undefined : knownTaxonomy('brand', body.item.brand);
		if (body.item.brand !== undefined && !brand)
			throw new ApiError(400, 'Unknown brand', 'validation/invalid-taxonomy');
		if (body.service !== undefined && !knownTaxonomy('service', body.service)) {
			throw new ApiError(400, 'Unknown service', 'validation/invalid-service');
		}
		for (const existing of serviceRequests.values()) {
			if (existing.external_id === reference) {
				throw new ApiError(
					409,
					'A service request with this reference_id already exists',
					'conflict/duplicate-reference',
				);
			}
		}
		const now = new Date().toISOString();
		const sr = {
			uuid: crypto.randomUUID(),
			micro_id: `LM${++microIds}`,
			external_id: reference,
			source: typeof body.source === 'string' ? body.source : 'API',
			service: TAXONOMY.service.uuid,
			item: { category, type, brand: brand ?? null },
			state: { primary: 'DRAFT', supplement: null },
			created_at: now,
			updated_at: now,
		};
		serviceRequests.set(sr.uuid, sr);
		return sr;
	}

	function findServiceRequest(uuid) {
		if (!UUID.test(uuid))
			throw new ApiError(400, 'Service request id must be a UUID', 'validation/invalid-uuid');
		const sr = serviceRequests.get(uuid.toLowerCase());
		if (!sr) throw new ApiError(404, 'Service request not found', 'sr/not-found');
		return sr;
	}

	function submit(sr) {
		if (sr.state.primary !== 'DRAFT') {
			throw new ApiError(
				409,
				`Service request is in state ${sr.state.primary} and cannot be submitted`,
				'sr/invalid-state',
			);
		}
		const missing = sidesOf(sr).required.filter((s) => s.media_url.length === 0);
		if (missing.length) {
			throw new ApiError(
				400,
				'Service request requirements not met',
				`Missing required sides: ${missing.map((s) => s.name).join(', ')}`,
			);
		}
		sr.state = { primary: 'QC', supplement: null };
		sr.updated_at = new Date().toISOString();
		sr.submitted_at = sr.updated_at;
		return sr;
	}

	// ---- state moves and their webhooks ------------------------------------------------------

	function eventBase(sr, eventType) {
		return {
			event_type: eventType,
			sr_uuid: sr.uuid,
			reference_id: sr.external_id ?? null,
			timestamp: new Date().toISOString(),
		};
	}

	function setState(sr, primary, supplement = null) {
		if (!PRIMARY_STATES.includes(primary) || !SUPPLEMENTS.includes(supplement)) {
			throw new ApiError(
				400,
				`Unknown state ${primary}+${supplement}`,
				`validation/state: primary one of ${PRIMARY_STATES.join(', ')}`,
			);
		}
		sr.state = { primary, supplement };
		sr.updated_at = new Date().toISOString();
	}

	/** Moves a request to a state and delivers state_change; resolves to the deliveries. */
	async function moveServiceRequest(uuid, { primary, supplement = null }) {
		const sr = findServiceRequest(uuid);
		setState(sr, primary, supplement);
		return await webhooks.send({ ...eventBase(sr, 'state_change'), state: { ...sr.state } });
	}

	/** QC rejects photos: QC+REJECTED with state_change, then media_rejected listing the sides. */
	async function rejectMedia(uuid, sides) {
		const changed = await moveServiceRequest(uuid, { primary: 'QC', supplement: 'REJECTED' });
		const sr = findServiceRequest(uuid);
		const rejected = await webhooks.send({ ...eventBase(sr, 'media_rejected'), sides });
		return [...changed, ...rejected];
	}

	/** The request is cancelled or cannot be processed: CANCELLED, and invalidate_sr. */
	async function invalidateServiceRequest(uuid, invalidationReason) {
		const sr = findServiceRequest(uuid);
		setState(sr, 'CANCELLED', null);
		return await webhooks.send({
			...eventBase(sr, 'invalidate_sr'),
			invalidation_reason: invalidationReason,
		});
	}

	/** The request's next state, if one is queued, applied before a GET is answered. */
	async function applyQueuedState(uuid) {
		const queue = queuedStates.get(String(uuid).toLowerCase());
		if (queue?.length) await moveServiceRequest(uuid, queue.shift());
	}

	// ---- upload intent ---------------------------------------------------------------------

	async function intent(query) {
		const srUuid = query.get('sr');
		const side = query.get('side');
		if (!srUuid || !side)
			throw new ApiError(400, 'sr and side are required', 'validation/missing-field');
		const match = /^([^.]+)\.([A-Za-z0-9]+)$/.exec(side);
		if (!match) {
			throw new ApiError(
				400,
				'side must include a file extension, e.g. <side uuid>.jpg',
				'validation/missing-extension',
			);
		}
		const [, sideUuid, ext] = match;
		const contentType = EXTENSION_CONTENT_TYPES[ext.toLowerCase()];
		if (!contentType) {
			throw new ApiError(
				400,
				`File extension .${ext} is not allowed; use one of ${Object.keys(EXTENSION_CONTENT_TYPES).join(', ')}`,
				'validation/invalid-extension',
			);
		}
		const sr = findServiceRequest(srUuid);
		if (!SIDES.some((s) => s.uuid === sideUuid.toLowerCase())) {
			throw new ApiError(404, 'Side not found for this service request', 'sr/side-not-found');
		}
		const key = `sr/${sr.uuid}/${sideUuid.toLowerCase()}.${ext.toLowerCase()}`;
		const signed = await storage.presignPut(key, {
			contentType,
			signedHeaders,
			expiresIn: intentExpiresIn,
		});
		return { message: 'Pre-signed URL generated successfully.', url: signed.url };
	}

	// ---- routes ------------------------------------------------------------------------------

	const api = createJsonApi({
		auth: { header: 'authorization', expected: `Bearer ${apiKey}`, scope: '/api/' },
		envelope,
		errors: {
			unauthorized: {
				message: 'Unauthorized: invalid or missing API key',
				details: 'auth/invalid-api-key',
			},
			notFound: { message: 'Route not found', details: 'route/not-found' },
			invalidJson: {
				message: 'Request body is not valid JSON',
				details: 'validation/invalid-json',
			},
		},
	});
	api.route('GET', '/health', () => ({ ok: true }));
	// Documented without a key; Legitmark's SDK sends it anyway, and a wrong one is refused.
	api.route('GET', '/intent', ({ query }) => intent(query), { auth: 'optional' });
	api.route('GET', '/api/v2/categories', ({ query }) =>
		taxonomyList([{ ...TAXONOMY.category, active: true }], query),
	);
	api.route('GET', '/api/v2/categories/tree', () => ({
		success: true,
		data: [{ ...TAXONOMY.category, active: true, types: [{ ...TAXONOMY.type }] }],
	}));
	api.route('GET', '/api/v2/brands', ({ query }) => taxonomyList([{ ...TAXONOMY.brand }], query));
	api.route('POST', '/api/v2/sr', ({ json }) => ({
		success: true,
		message: 'Service request initiated successfully.',
		sr: publicView(createServiceRequest(json())),
	}));
	api.route('GET', '/api/v2/sr/:uuid', async ({ params, query }) => {
		findServiceRequest(params.uuid);
		await applyQueuedState(params.uuid);
		return { success: true, sr: publicView(findServiceRequest(params.uuid), query) };
	});
	api.route('POST', '/api/v2/sr/:uuid/submit', ({ params }) => {
		const sr = submit(findServiceRequest(params.uuid));
		return {
			success: true,
			message: 'Service request submitted for authentication.',
			sr: { uuid: sr.uuid, micro_id: sr.micro_id, state: { ...sr.state } },
		};
	});
	api.route('POST', '/sandbox/sr/:uuid/state', async ({ params, json }) => {
		const body = json();
		const deliveries = await moveServiceRequest(params.uuid, body);
		return { success: true, sr: publicView(findServiceRequest(params.uuid)), deliveries };
	});
	api.route('POST', '/sandbox/webhooks', ({ json }) => {
		try {
			return { success: true, endpoint: webhooks.addEndpoint(json()) };
		} catch (err) {
			throw new ApiError(400, err.message, 'validation/webhook-endpoint');
		}
	});
	const { url, port: actual, close } = await api.listen({ port, host });

	return {
		url,
		port: actual,
		apiKey,
		calls: api.calls,
		serviceRequests,
		taxonomy: TAXONOMY,
		sides: SIDES,
		/** Makes a DRAFT service request without an HTTP call; returns its public view. */
		seedServiceRequest({ reference_id = `seed-${crypto.randomUUID()}`, ...rest } = {}) {
			const sr = createServiceRequest({
				reference_id,
				item: { category: TAXONOMY.category.uuid, type: TAXONOMY.type.uuid },
				...rest,
			});
			return publicView(sr);
		},
		/** The next `times` calls matching method/path answer `status` with Legitmark's envelope. */
		failNext({ status, message, details, method, path, times = 1, retryAfter } = {}) {
			const limited = status === 429;
			api.failNext({
				status,
				message: message ?? (limited ? 'Rate limit exceeded' : undefined),
				details: details ?? (limited ? 'error/rate_limit_exceeded' : undefined),
				method,
				path,
				times,
				headers: retryAfter === undefined ? undefined : { 'Retry-After': String(retryAfter) },
			});
		},
		moveServiceRequest,
		rejectMedia,
		invalidateServiceRequest,
		/** States the request takes one by one, each just before a GET of it is answered. */
		queueStates(uuid, states) {
			findServiceRequest(uuid);
			queuedStates.set(uuid.toLowerCase(), [...states]);
		},
		/** Registers a webhook endpoint ({url, secret?}); events are sent to every one. */
		addWebhookEndpoint: webhooks.addEndpoint,
		/** Every delivery attempt: {messageId, url, attempt, timestamp, status, response}. */
		webhookDeliveries: webhooks.deliveries,
		/** Sends a message again with the same svix-id and body, as Svix retries. */
		redeliver: webhooks.redeliver,
		/** The next matching calls get exactly this answer: { status, body (a Buffer is sent as is), headers }. */
		answerNext: api.failNext,
		clearFaults: api.clearFaults,
		setLatency: api.setLatency,
		/** Forgets calls, faults, latency, every service request and webhook endpoint. */
		reset() {
			api.reset();
			serviceRequests.clear();
			queuedStates.clear();
			webhooks.reset();
		},
		close,
	};
}

module.exports = {
	startLegitmark,
	DEFAULT_API_KEY,
	TAXONOMY,
	SIDES,
	SDK_SIGNED_HEADERS,
	EXTENSION_CONTENT_TYPES,
	DEFAULT_WEBHOOK_SECRET,
};
