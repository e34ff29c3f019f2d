// The fault matrix: every node's one-step upload on n8n's real engine against the strict storage
// and the provider emulators, with one fault per cell. Whatever the fault, the object in storage
// is byte-identical or absent, the register call happened once or not at all, and what n8n
// reports matches what happened. Cells are data; one runner checks them all.
import type { NodeApiError } from 'n8n-workflow';

import {
	callsTo,
	SUBJECTS,
	useSubjectSandbox,
	type UploadSubject,
} from '../support/upload-subjects';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternBuffer, patternSha256 } = require('../../sandbox/bytes');

const SIZE = 300 * 1024 + 7;
const { env, sandbox } = useSubjectSandbox();

/** What the cell must end in. */
type Outcome =
	| { uploaded: true; urlRequests?: number }
	| {
			uploaded: false;
			message: RegExp;
			httpCode?: string;
			/** The bytes arrived (the register call failed after them). */
			stored: boolean;
			/** The register call was made (and failed): exactly once. */
			registerCalled?: boolean;
			description?: RegExp;
	  };

interface Cell {
	fault: string;
	/** Whether the cell applies to the node; all when left out. */
	applies?: (subject: UploadSubject) => boolean;
	/** Node options for the cell, such as a short timeout. */
	options?: Record<string, unknown>;
	arrange: (subject: UploadSubject) => void;
	outcome: (subject: UploadSubject) => Outcome;
}

const api = (subject: UploadSubject) => env.emulators[subject.emulator!];
const hasApi = (subject: UploadSubject) => subject.urlRequest !== undefined;
const registers = (subject: UploadSubject) => subject.register !== undefined;
const storageFault = (subject: UploadSubject, fault: Record<string, unknown>) =>
	env.storage.faults.inject({ method: subject.storageMethod, ...fault });
const urlAnswer = (subject: UploadSubject, status: number, body: unknown, contentType: string) =>
	api(subject).answerNext({
		status,
		method: subject.urlRequest!.method,
		path: subject.urlRequest!.path,
		body: Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body)),
		headers: { 'Content-Type': contentType },
	});
const notJson = /answered .* with something that is not JSON/;

const CELLS: Cell[] = [
	{
		fault: 'API 500 once on the URL request',
		applies: hasApi,
		arrange: (s) => api(s).failNext({ status: 500, ...s.urlRequest! }),
		outcome: () => ({ uploaded: true, urlRequests: 2 }),
	},
	{
		fault: 'API 503 once on the URL request',
		applies: hasApi,
		arrange: (s) => api(s).failNext({ status: 503, ...s.urlRequest! }),
		outcome: () => ({ uploaded: true, urlRequests: 2 }),
	},
	{
		fault: 'API 429 with Retry-After on the URL request',
		applies: hasApi,
		arrange: (s) =>
			api(s).failNext({
				status: 429,
				...s.urlRequest!,
				retryAfter: 0,
				headers: { 'Retry-After': '0' },
			} as never),
		outcome: (s) =>
			s.waitsOutRateLimits
				? { uploaded: true, urlRequests: 2 }
				: { uploaded: false, message: /./, httpCode: '429', stored: false },
	},
	{
		fault: 'storage 503 twice',
		arrange: (s) => storageFault(s, { status: 503, times: 2, retryAfter: 0 }),
		outcome: () => ({ uploaded: true }),
	},
	{
		fault: 'connection reset mid-body',
		arrange: (s) => storageFault(s, { resetMidBody: true }),
		outcome: () => ({ uploaded: true }),
	},
	{
		fault: 'storage 429 with Retry-After',
		arrange: (s) => storageFault(s, { status: 429, retryAfter: 1 }),
		outcome: () => ({ uploaded: true }),
	},
	{
		fault: 'storage slower than the timeout',
		options: { timeoutSeconds: 1 },
		arrange: (s) => storageFault(s, { latencyMs: 2500 }),
		outcome: () => ({ uploaded: true }),
	},
	{
		fault: 'URL expired before the bytes went out',
		arrange: (s) =>
			storageFault(s, { status: 403, code: 'AccessDenied', message: 'Request has expired' }),
		outcome: (s) =>
			hasApi(s)
				? { uploaded: true, urlRequests: 2 }
				: {
						uploaded: false,
						message: /^The presigned URL expired/,
						httpCode: '403',
						stored: false,
					},
	},
	{
		fault: 'URL request answered with an HTML page',
		applies: hasApi,
		arrange: (s) =>
			urlAnswer(s, 200, Buffer.from('<html><body>Bad gateway</body></html>'), 'text/html'),
		outcome: () => ({ uploaded: false, message: notJson, stored: false }),
	},
	{
		fault: 'URL request answered with truncated JSON',
		applies: hasApi,
		arrange: (s) =>
			urlAnswer(s, 200, Buffer.from('{"url": "http://127.0.0.1/bucket/'), 'application/json'),
		outcome: () => ({ uploaded: false, message: notJson, stored: false }),
	},
	{
		fault: 'URL request answered without the URL',
		applies: hasApi,
		arrange: (s) => urlAnswer(s, 200, s.answerWithoutUrl, 'application/json'),
		outcome: (s) => ({ uploaded: false, message: s.withoutUrlMessage!, stored: false }),
	},
	{
		fault: 'register call failing after the bytes arrived',
		applies: registers,
		arrange: (s) => api(s).failNext({ status: 500, ...s.register! }),
		outcome: (s) => ({
			uploaded: false,
			message: /./,
			httpCode: '500',
			stored: !s.multipart,
			registerCalled: true,
			description: s.multipart
				? /Every part of the file is stored .* not registered it; the call was not repeated/
				: /The file is stored whole .* not registered it; the call was not repeated/,
		}),
	},
];

const MATRIX = SUBJECTS.flatMap((subject) =>
	CELLS.filter((cell) => cell.applies?.(subject) ?? true).map(
		(cell) => [subject.title, cell.fault, subject, cell] as const,
	),
);

/** The uploaded objects in storage: none, or exactly the item's bytes. */
function expectStorage(subject: UploadSubject, stored: boolean) {
	const keys = env.storage.listObjects().filter((key) => key.startsWith(subject.keyPrefix ?? ''));
	if (!stored) {
		expect(keys).toEqual([]);
		return;
	}
	expect(keys).toHaveLength(1);
	const object = env.storage.getObject(keys[0])!;
	expect(object.sha256).toBe(patternSha256(SIZE, 1));
	expect(Buffer.compare(object.body, patternBuffer(SIZE, 1))).toBe(0);
}

describe('fault matrix', () => {
	it.each(MATRIX)(
		'%s | %s',
		async (_title, _fault, subject, cell) => {
			const node = await subject.node(sandbox, { ...cell.options });
			cell.arrange(subject);

			const run = await env.engine.run({
				nodes: [
					{ name: 'Source', type: 'binarySource', parameters: { size: SIZE, ...subject.file } },
					node,
				],
				credentials: subject.credentials(sandbox),
			});

			const outcome = cell.outcome(subject);
			const registered = subject.register?.registered(sandbox);
			const registerCalls = callsTo(sandbox, subject, subject.register);
			if (outcome.uploaded) {
				expect(run.error('Upload')?.message).toBeUndefined();
				expect(run.output('Upload')[0].json.upload).toMatchObject({
					bytes: SIZE,
					sha256: patternSha256(SIZE, 1),
				});
				expectStorage(subject, true);
				if (subject.register)
					expect({ registered, registerCalls }).toEqual({ registered: 1, registerCalls: 1 });
				if (outcome.urlRequests !== undefined) {
					expect(callsTo(sandbox, subject, subject.urlRequest)).toBe(outcome.urlRequests);
				}
				return;
			}
			const error = run.error('Upload') as NodeApiError | undefined;
			expect(error?.message).toMatch(outcome.message);
			expect(error?.message).toMatch(/\[item 0\]$/);
			if (outcome.httpCode) expect(error?.httpCode).toBe(outcome.httpCode);
			if (outcome.description) expect(error?.description).toMatch(outcome.description);
			expect(run.output('Upload')).toEqual([]);
			expectStorage(subject, outcome.stored);
			if (subject.register) {
				expect({ registered, registerCalls }).toEqual({
					registered: 0,
					registerCalls: outcome.registerCalled ? 1 : 0,
				});
			}
		},
		60_000,
	);
});
