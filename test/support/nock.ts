import nock from 'nock';

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
	afterEach(() => nock.cleanAll());
	afterAll(() => {
		nock.enableNetConnect();
		nock.restore();
	});
}
