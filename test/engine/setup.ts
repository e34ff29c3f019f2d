import { startEngine, type BinaryMode } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStorage } = require('../../sandbox/storage');

export type Engine = Awaited<ReturnType<typeof startEngine>>;

/**
 * For one describe block: the real engine in `mode` and a fresh strict storage sandbox, with any
 * injected fault cleared after each test.
 */
export function useEngineWithStorage(mode: BinaryMode): { engine: Engine; storage: any } {
	const env = {} as { engine: Engine; storage: any };
	beforeAll(async () => {
		env.engine = await startEngine(mode);
		env.storage = await startStorage({});
	});
	afterEach(() => env.storage?.faults.clear());
	afterAll(async () => await env.storage?.close());
	return env;
}
