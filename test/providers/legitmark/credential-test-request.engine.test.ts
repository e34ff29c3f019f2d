// The credential's test request, built from its definition as n8n sends it when a user tests the
// credential, against the Legitmark emulator over loopback.
import { credentialTestRequest } from '../../support/engine';
import { useSandbox } from '../../support/sandbox';

describe('Legitmark API credential', () => {
	describe('test request against the emulator', () => {
		const env = useSandbox({ emulators: ['legitmark'] });

		async function runTest(apiKey: string): Promise<number> {
			const { url, method, headers } = await credentialTestRequest('legitmarkApi', {
				apiKey,
				baseUrl: env.emulators.legitmark.url,
			});
			const response = await fetch(url, { method, headers });
			return response.status;
		}

		it('passes with the right key and fails with another', async () => {
			expect(await runTest(env.emulators.legitmark.apiKey)).toBe(200);
			expect(await runTest('leo_other')).toBe(401);
			expect(env.emulators.legitmark.calls.at(-1)).toMatchObject({
				method: 'GET',
				path: '/api/v2/categories',
				query: { page_size: '1' },
			});
		});
	});
});
