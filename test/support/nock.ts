import nock from 'nock';

import { SETUP_TIMEOUT_MS, startEngine, type BinaryMode, type Engine } from './engine';

/**
 * nock for one test file: no real connections while it runs, no interceptor left between tests,
 * and Node's http module un-patched afterwards, since jest shares it with the next file the
 * same worker runs.
 */
export function useNock(): void {
	beforeAll(() => {
		if (!nock.isActive()) nock.activate();
		nock.disableNetConnect();
	});
	afterEach(() => {
		nock.abortPendingRequests();
		nock.cleanAll();
	});
	afterAll(() => {
		nock.enableNetConnect();
		nock.restore();
	});
}

/** Counts requests that reached no interceptor, i.e. any request a test did not expect. */
export function trackUnexpectedRequests(): { count: () => number } {
	let unexpected = 0;
	const listener = () => unexpected++;
	nock.emitter.on('no match', listener);
	afterEach(() => {
		unexpected = 0;
	});
	afterAll(() => {
		nock.emitter.removeListener('no match', listener);
	});
	return { count: () => unexpected };
}

export interface NockedEngine {
	readonly engine: Engine;
	/** Requests since the test began that no interceptor answered. */
	readonly unexpected: { count: () => number };
}

/**
 * The real engine in `mode` behind nock, for a file of request-contract tests:
 *
 *   const env = useNockedEngine('default');
 *   // in a test: nock(HOST).put(...); const run = await env.engine.run({...});
 *   // expect(env.unexpected.count()).toBe(0);
 */
export function useNockedEngine(mode: BinaryMode): NockedEngine {
	useNock();
	const env = { unexpected: trackUnexpectedRequests() } as { engine: Engine } & NockedEngine;
	beforeAll(async () => {
		env.engine = await startEngine(mode);
	}, SETUP_TIMEOUT_MS);
	afterAll(() => env.engine?.dispose());
	return env;
}
