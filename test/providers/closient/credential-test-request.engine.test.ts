// The credential's test request, built from its definition as n8n sends it when a user tests the
// credential, against the Closient emulator over loopback.
import { makeKey } from '../../support/emulators/closient';
import { credentialTestRequest } from '../../support/engine';
import { useSandbox } from '../../support/sandbox';

describe('Closient API credential test request against the emulator', () => {
	const env = useSandbox({ emulators: ['closient'] });

	async function runTest(apiKey: string): Promise<number> {
		const { url, method, headers } = await credentialTestRequest('closientApi', {
			apiKey,
			baseUrl: env.emulators.closient.url,
		});
		return (await fetch(url, { method, headers })).status;
	}

	it('passes with the right key and fails with another', async () => {
		expect(await runTest(env.emulators.closient.apiKey)).toBe(200);
		expect(await runTest(makeKey('csb', 'B'.repeat(32)))).toBe(401);
		expect(env.emulators.closient.calls.at(-1)).toMatchObject({
			method: 'GET',
			path: '/scanner/api/v1/sessions',
			query: { page: '1', page_size: '1' },
		});
	});
});
