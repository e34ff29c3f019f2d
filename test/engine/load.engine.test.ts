// Load: many 1 MiB items through one workflow, Sivi then Closient, 8 items at once each, while
// every 20th URL request and every 20th upload request fails with a transient 503 (5 %, the same
// requests on every run). Every file lands byte-identical at both providers and is registered
// exactly once. RELIABILITY_LOAD_ITEMS sets the count (CI runs a small one; `node bench/load.js`
// runs 300); the figures go to .cache/bench/load.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { useEngineWithSandbox } from '../support/sandbox';
import { SUBJECTS, type SubjectEnv } from '../support/upload-subjects';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternSha256 } = require('../../sandbox/bytes');

const MiB = 1024 * 1024;
const COUNT = Number(process.env.RELIABILITY_LOAD_ITEMS ?? 40);
const EVERY = 20;
const RESULTS = path.join(__dirname, '../../.cache/bench/load.json');

const env = useEngineWithSandbox('filesystem', { emulators: ['sivi', 'closient'] });
const sandbox = env as unknown as SubjectEnv;
const subject = (title: string) => SUBJECTS.find((entry) => entry.title.startsWith(title))!;

const unavailable = (body: unknown, contentType = 'application/json') => ({
	status: 503,
	every: EVERY,
	body,
	headers: { 'Content-Type': contentType, 'Retry-After': '0' },
});

it(`${COUNT} items of 1 MiB, 8 at once, through Sivi and Closient with 5 % transient failures: all land once`, async () => {
	const sivi = env.emulators.sivi;
	const closient = env.emulators.closient;
	// The published rate limit would make this a test of waiting; the faults are the subject here.
	closient.setRateLimit({ limit: 100_000, windowSeconds: 60 });
	sivi.answerNext({
		method: 'POST',
		path: /\/files\/get-presigned-url$/,
		...unavailable({ status: 503, body: { message: 'Service unavailable' } }),
	});
	closient.answerNext({
		method: 'GET',
		path: /\/presigned-upload-url$/,
		...unavailable(
			{ title: 'Service Unavailable', status: 503, retryable: true },
			'application/problem+json',
		),
	});
	const puts = env.storage.faults.inject({
		method: 'PUT',
		status: 503,
		every: EVERY,
		retryAfter: 0,
	});
	const posts = env.storage.faults.inject({
		method: 'POST',
		status: 503,
		every: EVERY,
		retryAfter: 0,
	});
	const options = { itemsAtOnce: 8 };
	const siviNode = await subject('Sivi: Upload File (media)').node(sandbox, options, 'Sivi');
	const closientNode = await subject('Closient').node(sandbox, options, 'Closient');
	const rssBefore = process.memoryUsage().rss;
	const started = Date.now();

	const run = await env.engine.run({
		nodes: [
			{
				name: 'Source',
				type: 'binarySource',
				parameters: { count: COUNT, size: MiB, fileName: 'photo.png', mimeType: 'image/png' },
			},
			siviNode,
			closientNode,
		],
		credentials: {
			...subject('Sivi: Upload File (media)').credentials(sandbox),
			...subject('Closient').credentials(sandbox),
		},
	});
	const seconds = (Date.now() - started) / 1000;

	expect(run.error('Sivi')).toBeUndefined();
	expect(run.error('Closient')).toBeUndefined();
	const items = run.output('Closient');
	expect(items).toHaveLength(COUNT);
	const siviKeys = new Set<string>();
	const closientKeys = new Set<string>();
	items.forEach((item, index) => {
		const sha256 = patternSha256(MiB, index + 1);
		const media = sivi.media.get(String(item.json.mediaId));
		const s3Key = String((item.json.photo as IDataObject).s3_key);
		expect({
			index,
			sivi: media && env.storage.getObject(media.key)?.sha256,
			closient: env.storage.getObject(s3Key)?.sha256,
		}).toEqual({ index, sivi: sha256, closient: sha256 });
		siviKeys.add(media!.key);
		closientKeys.add(s3Key);
	});
	// Each file registered exactly once at each provider, each under its own key.
	expect([siviKeys.size, closientKeys.size]).toEqual([COUNT, COUNT]);
	expect(sivi.media.size).toBe(COUNT);
	expect(sivi.calls.filter((call) => call.path.endsWith('/media/create'))).toHaveLength(COUNT);
	const photos = [...closient.sessions.values()].flatMap((session) => session.photos);
	expect(photos).toHaveLength(COUNT);
	expect(closient.calls.filter((call) => call.path.endsWith('/photos'))).toHaveLength(COUNT);
	expect(env.storage.listObjects()).toHaveLength(2 * COUNT);
	// The faults did fire: about one request in twenty.
	expect(puts.fired).toBeGreaterThanOrEqual(Math.floor(COUNT / EVERY));
	expect(posts.fired).toBeGreaterThanOrEqual(Math.floor(COUNT / EVERY));

	const figures = {
		items: COUNT,
		bytesPerItem: MiB,
		itemsAtOnce: options.itemsAtOnce,
		uploads: 2 * COUNT,
		seconds,
		injectedFailures: {
			storagePut: puts.fired,
			storagePost: posts.fired,
			siviUrlRequests: Math.floor(
				sivi.calls.filter((call) => call.path.endsWith('/get-presigned-url')).length / EVERY,
			),
			closientUrlRequests: Math.floor(
				closient.calls.filter((call) => call.path.endsWith('/presigned-upload-url')).length / EVERY,
			),
		},
		rssBeforeMiB: Math.round(rssBefore / MiB),
		peakRssMiB: Math.round((process.resourceUsage().maxRSS * 1024) / MiB),
		// The storage sandbox runs in this process and keeps every object in memory.
		heldByStorageMiB: Math.round((2 * COUNT * MiB) / MiB),
	};
	mkdirSync(path.dirname(RESULTS), { recursive: true });
	writeFileSync(RESULTS, `${JSON.stringify(figures, null, 2)}\n`);
}, 600_000);
