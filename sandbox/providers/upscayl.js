'use strict';
// An Upscayl Cloud API emulator on loopback. Uploads are real S3 multipart uploads in the strict
// storage sandbox: get-upload-url opens one and hands out a presigned URL per part for the part
// size it chooses, complete-multipart-upload completes it through the storage (which checks every
// ETag and part size), and a task's result is a real object with a presigned download link.
//
//   POST /get-upload-url             {data:{fileSize, fileType, originalFileName}} → uploadId, partUrls, partSize, path, …
//   POST /complete-multipart-upload  {data:{uploadId, key, parts:[{PartNumber, ETag}]}}
//   POST /start-task                 multipart/form-data: model, scale, saveImageAs, enhanceFace, files (JSON)
//   POST /get-task-status            {data:{taskId}}: PROCESSING on the first looks, then PROCESSED
//   POST /get-upscayl-history        {data:{limit?}}: the tasks, newest first
//
// Every call wants "X-API-Key: <apiKey>". Errors use the envelope of Upscayl's OpenAPI file,
// {error: "<CODE>", message}; `failNext({ status, body })` can send the bare JSON string its live
// pages show instead ("Insufficient credits"). Credits run out on demand (`setCredits`).
// The "upscaled" result is the input's bytes in reverse order (`upscaledBytes`): deterministic,
// the same size, and different from the input, so a test can tell which one it got.
const crypto = require('node:crypto');

const { createJsonApi, ApiError } = require('../json-api');

const DEFAULT_API_KEY = 'upscayl-sandbox-key';
const MIB = 1024 * 1024;
const DEFAULT_PART_SIZE = 5 * MIB;
const MAX_FILE_BYTES = 100 * MIB;
const CREDITS_PER_TASK = 10;
const USER_ID = 'sandbox-user';

const FILE_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const OUTPUT_TYPES = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const MODELS = [
	'upscayl-standard-4x',
	'upscayl-lite-4x',
	'clear-boost-4x',
	'crystal-plus-4x',
	'digital-art-4x',
	'digital-art-plus-4x',
	'natural-max-4x',
	'natural-plus-4x',
	'nature-boost-4x',
	'pure-boost-4x',
	'quick-clear-4x',
	'texture-boost-4x',
];

const CODES = {
	400: 'BAD_REQUEST',
	401: 'UNAUTHORIZED',
	402: 'INSUFFICIENT_CREDITS',
	404: 'NOT_FOUND',
	429: 'RATE_LIMIT_EXCEEDED',
	500: 'INTERNAL_SERVER_ERROR',
};

function envelope(status, message, details) {
	return { error: details ?? CODES[status] ?? 'ERROR', message };
}

const badRequest = (message, code = 'BAD_REQUEST') => new ApiError(400, message, code);

/** The result of a task: the input's bytes reversed. */
function upscaledBytes(input) {
	return Buffer.from(input).reverse();
}

const seconds = (date) => Math.floor(date.getTime() / 1000);

/** start-task's multipart/form-data text fields. */
function formFields(headers, text) {
	const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(headers['content-type'] ?? '');
	if (!/^multipart\/form-data/i.test(headers['content-type'] ?? '') || !boundary) {
		throw badRequest('Bad Request: start-task takes multipart/form-data');
	}
	const fields = {};
	for (const part of text.split(`--${boundary[1] ?? boundary[2]}`)) {
		const [head, ...rest] = part.split('\r\n\r\n');
		const name = /name="([^"]+)"/.exec(head)?.[1];
		if (name) fields[name] = rest.join('\r\n\r\n').replace(/\r\n$/, '');
	}
	return fields;
}

/**
 * @param {{port?: number, host?: string, storage: object, apiKey?: string, partSize?: number,
 *   credits?: number, processingLooks?: number}} options
 *   partSize: the part size get-upload-url answers; processingLooks: get-task-status calls that
 *   answer PROCESSING before a task is PROCESSED.
 */
async function startUpscayl({
	port = 0,
	host = '127.0.0.1',
	storage,
	apiKey = DEFAULT_API_KEY,
	partSize = DEFAULT_PART_SIZE,
	credits = 1000,
	processingLooks = 1,
} = {}) {
	if (!storage) throw new Error('startUpscayl needs the storage sandbox');
	const initial = { partSize, credits, processingLooks };
	let settings = { ...initial, urlExpiresIn: 3600, signedSecondsAgo: 0, failTasks: 0 };
	const uploads = new Map();
	const tasks = new Map();

	function chargeable(cost) {
		if (settings.credits < cost) throw new ApiError(402, 'Insufficient credits');
	}

	// ---- uploads ----------------------------------------------------------------------------

	async function getUploadUrl(json) {
		const { fileSize, fileType, originalFileName } = json.data ?? {};
		if (fileSize === undefined || !fileType || !originalFileName) {
			throw badRequest('Bad Request: Missing required parameters', 'MISSING_REQUIRED_FIELDS');
		}
		if (!FILE_TYPES[fileType]) {
			throw badRequest(
				`Invalid file type ${fileType}: JPEG, PNG or WEBP only`,
				'INVALID_FILE_TYPE',
			);
		}
		if (!Number.isInteger(fileSize) || fileSize < 1 || fileSize > MAX_FILE_BYTES) {
			throw badRequest('File size exceeds the 100 MB limit', 'FILE_SIZE_EXCEEDED');
		}
		if (typeof originalFileName !== 'string' || originalFileName.length > 255) {
			throw badRequest('originalFileName must have 1 to 255 characters');
		}
		chargeable(1);
		const fileName = `${crypto.randomUUID()}.${FILE_TYPES[fileType]}`;
		const path = `uploads/${USER_ID}/${fileName}`;
		const signingDate = new Date(Date.now() - settings.signedSecondsAgo * 1000);
		const multipart = await storage.createMultipartUpload(path, {
			size: fileSize,
			partSize: settings.partSize,
			contentType: fileType,
			expiresIn: settings.urlExpiresIn,
			signingDate,
		});
		const file = {
			fileName,
			fileType,
			fileSize,
			originalFileName,
			path,
			createdAt: seconds(signingDate),
			expiresAt: seconds(signingDate) + settings.urlExpiresIn,
		};
		uploads.set(multipart.uploadId, { ...multipart, file, completed: false });
		return {
			status: 'success',
			data: {
				uploadId: multipart.uploadId,
				partUrls: multipart.parts.map((part) => ({
					partNumber: part.partNumber,
					signedUrl: part.url,
				})),
				partSize: multipart.partSize,
				...file,
			},
		};
	}

	async function completeMultipartUpload(json) {
		const { uploadId, key, parts } = json.data ?? {};
		if (!uploadId || !key || !Array.isArray(parts) || parts.length === 0) {
			throw badRequest('Bad Request: Missing required parameters', 'MISSING_REQUIRED_FIELDS');
		}
		const upload = uploads.get(uploadId);
		if (!upload || upload.key !== key) {
			throw badRequest('Bad Request: no multipart upload with this uploadId and key');
		}
		for (const part of parts) {
			if (!Number.isInteger(part?.PartNumber) || typeof part?.ETag !== 'string') {
				throw badRequest('Bad Request: every part needs PartNumber and ETag');
			}
		}
		const xml = parts
			.map((p) => `<Part><PartNumber>${p.PartNumber}</PartNumber><ETag>${p.ETag}</ETag></Part>`)
			.join('');
		const answer = await fetch(upload.completeUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/xml' },
			body: `<CompleteMultipartUpload>${xml}</CompleteMultipartUpload>`,
		});
		const text = await answer.text();
		const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
		if (!answer.ok || code) {
			throw new ApiError(500, 'Error completing multipart upload', code ?? `HTTP ${answer.status}`);
		}
		upload.completed = true;
		return { status: 'success', data: { status: 'success' } };
	}

	// ---- tasks ------------------------------------------------------------------------------

	function uploadedFile(file) {
		const upload = [...uploads.values()].find((u) => u.file.path === file?.path);
		if (!upload || !storage.getObject(upload.key)) {
			throw badRequest(`Bad Request: no completed upload at path ${file?.path}`);
		}
		return upload.file;
	}

	function startTask(headers, text) {
		const form = formFields(headers, text);
		if (!MODELS.includes(form.model)) throw badRequest(`Invalid model ${form.model}`);
		const scale = Number(form.scale);
		if (!Number.isInteger(scale) || scale < 1 || scale > 8) {
			throw badRequest('scale must be a whole number from 1 to 8');
		}
		if (!OUTPUT_TYPES[form.saveImageAs]) throw badRequest('saveImageAs must be jpg, png or webp');
		if (form.enhanceFace !== 'true' && form.enhanceFace !== 'false') {
			throw badRequest('enhanceFace must be true or false');
		}
		if (form.file !== undefined) throw badRequest('file and files are mutually exclusive');
		let files;
		try {
			files = JSON.parse(form.files ?? '');
		} catch {
			throw badRequest('Bad Request: files must be a JSON list of uploaded files');
		}
		if (!Array.isArray(files) || files.length === 0) {
			throw badRequest('Bad Request: files must list at least one uploaded file');
		}
		const inputs = files.map(uploadedFile);
		chargeable(CREDITS_PER_TASK);
		settings.credits -= CREDITS_PER_TASK;
		const taskId = crypto.randomUUID();
		const failing = settings.failTasks > 0;
		if (failing) settings.failTasks--;
		tasks.set(taskId, {
			taskId,
			inputs,
			model: form.model,
			scale,
			saveImageAs: form.saveImageAs,
			enhanceFace: form.enhanceFace === 'true',
			looks: 0,
			failing,
			createdAt: Date.now(),
		});
		return {
			status: 'success',
			data: {
				message: 'Task request sent successfully',
				taskId,
				creditsToDeduct: CREDITS_PER_TASK,
			},
		};
	}

	/** Stores the result of one input through a presigned PUT and links it by a presigned GET. */
	async function processedFile(task, input) {
		const body = upscaledBytes(storage.getObject(input.path).body);
		const base = input.originalFileName.replace(/\.[^.]*$/, '');
		const processedFileName = `${base}_upscayl_${task.scale}x_${task.model}.${task.saveImageAs}`;
		const key = `results/${task.taskId}/${processedFileName}`;
		const fileType = OUTPUT_TYPES[task.saveImageAs];
		const put = await storage.presignPut(key, { contentType: fileType });
		const stored = await fetch(put.url, { method: 'PUT', headers: put.headers, body });
		if (!stored.ok) throw new Error(`storing the result failed: HTTP ${stored.status}`);
		const get = await storage.presignGet(key, { expiresIn: 3600 });
		return {
			...input,
			processedFileName,
			fileType,
			finalFileSize: body.length,
			path: key,
			downloadUrl: get.url,
			dimensions: { width: 1024 * task.scale, height: 768 * task.scale },
		};
	}

	async function getTaskStatus(json) {
		const taskId = json.data?.taskId;
		if (!taskId)
			throw badRequest('Bad Request: Missing required parameters', 'MISSING_REQUIRED_FIELDS');
		const task = tasks.get(taskId);
		if (!task) throw new ApiError(404, `Task ${taskId} not found`);
		task.looks++;
		if (task.looks > settings.processingLooks && !task.status) {
			if (task.failing) task.status = 'PROCESSING_FAILED';
			else {
				task.files = [];
				for (const input of task.inputs) task.files.push(await processedFile(task, input));
				task.status = 'PROCESSED';
			}
		}
		const status = task.status ?? 'PROCESSING';
		const done = status === 'PROCESSED';
		return {
			status: 'success',
			data: {
				status,
				progress: done ? '100' : String(Math.min(90, task.looks * 30)),
				files: task.files ?? task.inputs,
				deductedCredits: done,
				creditsDeducted: done ? CREDITS_PER_TASK : 0,
				model: task.model,
				scale: task.scale,
				saveImageAs: task.saveImageAs,
				compression: 0,
				batchMode: task.inputs.length > 1,
			},
		};
	}

	function history(json) {
		const limit = Math.min(100, Math.max(1, Number(json.data?.limit) || 20));
		const all = [...tasks.values()].reverse();
		return {
			status: 'success',
			pagination: { total: all.length, hasMore: all.length > limit, nextOffset: null },
			data: all.slice(0, limit).map((task) => ({
				taskId: task.taskId,
				status: task.status ?? 'PROCESSING',
				model: task.model,
				scale: task.scale,
				createdAt: task.createdAt,
			})),
		};
	}

	const api = createJsonApi({
		auth: { header: 'x-api-key', expected: () => apiKey, scope: '/' },
		envelope,
		maskHeaders: ['x-api-key'],
		errors: {
			unauthorized: {
				message: 'Unauthorized: invalid or missing API key',
				details: 'UNAUTHORIZED',
			},
			notFound: { message: 'Not found', details: 'NOT_FOUND' },
			invalidJson: { message: 'Bad Request: body is not valid JSON', details: 'BAD_REQUEST' },
		},
	});
	api.route('POST', '/get-upload-url', ({ json }) => getUploadUrl(json()));
	api.route('POST', '/complete-multipart-upload', ({ json }) => completeMultipartUpload(json()));
	api.route('POST', '/start-task', ({ headers, text }) => startTask(headers, text));
	api.route('POST', '/get-task-status', ({ json }) => getTaskStatus(json()));
	api.route('POST', '/get-upscayl-history', ({ json }) => history(json()));

	const { url, port: actual, close } = await api.listen({ port, host });

	return {
		url,
		port: actual,
		apiKey,
		calls: api.calls,
		uploads,
		tasks,
		get credits() {
			return settings.credits;
		},
		/** Credits left; a call that needs more answers 402 "Insufficient credits". */
		setCredits(value) {
			settings.credits = value;
		},
		/** The part size get-upload-url chooses from now on. */
		setPartSize(bytes) {
			settings.partSize = bytes;
		},
		/** Part URLs from now on expire `expiresIn` seconds after a signing `signedSecondsAgo` ago. */
		setUploadExpiry({ expiresIn = 3600, signedSecondsAgo = 0 } = {}) {
			settings.urlExpiresIn = expiresIn;
			settings.signedSecondsAgo = signedSecondsAgo;
		},
		/** get-task-status calls that answer PROCESSING before a task is done. */
		setProcessingLooks(looks) {
			settings.processingLooks = looks;
		},
		/** The next `times` started tasks end PROCESSING_FAILED. */
		failNextTasks(times = 1) {
			settings.failTasks = times;
		},
		/**
		 * The next matching calls answer `status` in the envelope (its code from the status), or
		 * with `body` as it is, e.g. the bare string "Insufficient credits". See json-api/faults.js.
		 */
		/** The next matching calls get exactly this answer: { status, body (a Buffer is sent as is), headers }. */
		answerNext: api.failNext,
		failNext: api.failNext,
		clearFaults: api.clearFaults,
		setLatency: api.setLatency,
		/** Forgets calls, faults, latency, uploads, tasks and every setting changed since the start. */
		reset() {
			api.reset();
			uploads.clear();
			tasks.clear();
			settings = { ...initial, urlExpiresIn: 3600, signedSecondsAgo: 0, failTasks: 0 };
		},
		close,
	};
}

module.exports = {
	startUpscayl,
	upscaledBytes,
	DEFAULT_API_KEY,
	DEFAULT_PART_SIZE,
	CREDITS_PER_TASK,
	MODELS,
};
