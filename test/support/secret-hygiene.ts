/**
 * Where a secret could surface after a run, collected as text to search:
 *
 *   const logs = captureLogLines();                  // once per test file
 *   const wire = watchRequests();                     // once per test file
 *   // in a test: const scope = wire.watch(nock(HOST)) ... run ...
 *   expectAbsent(SECRETS, exposedText(run), logs.lines(), ...)
 *   wire.carrying(SECRET)                             // origins of requests that carried it
 */
import nock from 'nock';
import { LoggerProxy } from 'n8n-workflow';

import type { WorkflowRun } from './engine';

/**
 * Every string reachable from a value: own properties, enumerable or not (an error's message,
 * stack and cause included), nested objects and arrays. `node` is left out: n8n stores the
 * node with the parameters the user typed, which is workflow data, not something echoed back.
 */
export function reachableText(value: unknown, seen = new Set<unknown>()): string[] {
	if (typeof value === 'string') return [value];
	if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
	if (!value || typeof value !== 'object' || seen.has(value)) return [];
	seen.add(value);
	if (Buffer.isBuffer(value)) return [value.toString('latin1')];
	return Object.getOwnPropertyNames(value)
		.filter((key) => key !== 'node')
		.flatMap((key) => [key, ...reachableText((value as Record<string, unknown>)[key], seen)]);
}

function withoutNode(value: unknown): unknown {
	if (!value || typeof value !== 'object') return value;
	const { node: _node, ...rest } = value as Record<string, unknown>;
	return rest;
}

/** A stored error as n8n saves and shows it: JSON.stringify, toJSON, and everything it holds. */
function storedErrorText(error: unknown): string[] {
	if (!error) return [];
	const toJSON = (error as { toJSON?: () => unknown }).toJSON;
	return [
		JSON.stringify(withoutNode(JSON.parse(JSON.stringify(error)))),
		typeof toJSON === 'function' ? JSON.stringify(withoutNode(toJSON.call(error))) : '',
		...reachableText(error),
	];
}

/** Everything a run shows or stores: each node's error, its output items, the run's error. */
export function exposedText(run: WorkflowRun): string {
	const { resultData } = run.raw.data;
	const parts = storedErrorText(resultData.error);
	for (const tasks of Object.values(resultData.runData)) {
		for (const task of tasks) {
			parts.push(...storedErrorText(task.error));
			for (const items of task.data?.main ?? []) parts.push(JSON.stringify(items ?? []));
		}
	}
	return parts.join('\n');
}

/** Log lines of the engine and of the console while the file runs, as a logger would print them. */
export function captureLogLines(): { lines: () => string[]; clear: () => void } {
	let lines: string[] = [];
	const line =
		(level: string) =>
		(message: unknown, meta: unknown = {}) =>
			lines.push(`${level} ${String(message)} ${reachableText(meta).join(' ')}`);
	const spies: jest.SpyInstance[] = [];
	beforeAll(() => {
		LoggerProxy.init({
			error: line('error'),
			warn: line('warn'),
			info: line('info'),
			debug: line('debug'),
		} as never);
		for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			spies.push(
				jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
					lines.push(`console.${level} ${args.flatMap((arg) => reachableText(arg)).join(' ')}`);
				}),
			);
		}
	});
	afterAll(() => {
		const silent = () => {};
		LoggerProxy.init({ error: silent, warn: silent, info: silent, debug: silent } as never);
		for (const spy of spies) spy.mockRestore();
	});
	return {
		lines: () => lines,
		clear: () => {
			lines = [];
		},
	};
}

export interface SeenRequest {
	origin: string;
	method: string;
	text: string;
}

/** Every request that reached a watched scope or no interceptor at all, with all it carried. */
export function watchRequests() {
	let seen: SeenRequest[] = [];
	const record = (
		req: { method?: string; path?: string; headers?: unknown; options?: unknown },
		origin: string,
		body: unknown,
	) =>
		seen.push({
			origin,
			method: String(req.method ?? ''),
			text: [req.path ?? '', ...reachableText(req.headers), ...reachableText(body)].join('\n'),
		});
	const unmatched = (req: { method?: string; path?: string; headers?: unknown; host?: string }) =>
		record(req, `unmatched ${req.host ?? ''}`, '');
	beforeAll(() => nock.emitter.on('no match', unmatched));
	afterAll(() => nock.emitter.removeListener('no match', unmatched));
	afterEach(() => {
		seen = [];
	});
	return {
		/** Records the requests this scope answers. */
		watch(scope: nock.Scope, origin: string): nock.Scope {
			scope.on(
				'request',
				(req: Parameters<typeof record>[0], _interceptor: unknown, body: unknown) => {
					record(req, origin, body);
				},
			);
			return scope;
		},
		seen: () => seen,
		/** Origins of the requests that carried `secret` anywhere: path, query, header or body. */
		carrying: (secret: string) =>
			seen
				.filter((r) => r.text.includes(secret) || r.text.includes(encodeURIComponent(secret)))
				.map((r) => r.origin),
	};
}

/** No secret, raw or percent- or JSON-encoded, in any of the texts. */
export function expectAbsent(secrets: string[], ...texts: Array<string | string[]>): void {
	const all = texts.flat().join('\n');
	for (const secret of secrets) {
		for (const form of new Set([
			secret,
			encodeURIComponent(secret),
			JSON.stringify(secret).slice(1, -1),
		])) {
			expect({ secret: form, found: all.includes(form) }).toEqual({ secret: form, found: false });
		}
	}
}
