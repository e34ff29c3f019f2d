// The credential's test request, resolved as n8n resolves it, against the Sivi emulator.
import { useSandbox } from '../../support/sandbox';
import { credential, testRequestUrl } from './credentialUrl';

describe('Sivi API credential test request against the emulator', () => {
	const env = useSandbox({ emulators: ['sivi'] });

	async function runTest(apiKey: string, apiPlan = 'general'): Promise<number> {
		const { method, body } = credential.test.request;
		const url = testRequestUrl({ baseUrl: env.emulators.sivi.baseUrl, apiPlan });
		const response = await fetch(url, {
			method,
			headers: { 'sivi-api-key': apiKey, 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		return response.status;
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
