// The credential's test request, built from its definition as n8n sends it when a user tests the
// credential, against the Legitmark emulator over loopback.
import { LegitmarkApi } from '../../../credentials/LegitmarkApi.credentials';
import { useSandbox } from '../../support/sandbox';

const credential = new LegitmarkApi();

describe('Legitmark API credential', () => {
	describe('test request against the emulator', () => {
		const env = useSandbox({ emulators: ['legitmark'] });

		async function runTest(apiKey: string): Promise<number> {
			const { request } = credential.test;
			expect(request.baseURL).toBe('={{$credentials.baseUrl}}');
			const url = new URL(`${env.emulators.legitmark.url}${request.url}`);
			for (const [name, value] of Object.entries(request.qs ?? {})) {
				url.searchParams.set(name, String(value));
			}
			const response = await fetch(url, { headers: { Authorization: `Bearer ${apiKey}` } });
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
