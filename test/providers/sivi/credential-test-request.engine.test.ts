// The credential's test request, built from its definition as n8n sends it when a user tests the
// credential, against the Sivi emulator over loopback.
import { credentialTestRequest } from '../../support/engine';
import { useSandbox } from '../../support/sandbox';

describe('Sivi API credential test request against the emulator', () => {
	const env = useSandbox({ emulators: ['sivi'] });

	async function runTest(apiKey: string, apiPlan = 'general'): Promise<number> {
		const { url, method, headers, body } = await credentialTestRequest('siviApi', {
			apiKey,
			baseUrl: env.emulators.sivi.baseUrl,
			apiPlan,
		});
		return (await fetch(url, { method, headers, body })).status;
	}

	it('passes with the right key on every plan and fails with another key', async () => {
		for (const plan of ['general', 'enterprise', 'super']) {
			expect(await runTest(env.emulators.sivi.apiKey, plan)).toBe(200);
		}
		expect(await runTest('sivi_other')).toBe(401);
		expect(env.emulators.sivi.calls.at(-1)).toMatchObject({
			method: 'POST',
			path: '/api/prod/v2/general/font/get',
			body: { source: 'user', limit: 1 },
		});
	});
});
