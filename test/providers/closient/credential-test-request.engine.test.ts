// The credential's test request, built from its definition as n8n sends it when a user tests the
// credential, against the Closient emulator over loopback.
import { ClosientApi } from '../../../credentials/ClosientApi.credentials';
import { makeKey } from '../../support/emulators/closient';
import { useSandbox } from '../../support/sandbox';

const credential = new ClosientApi();

describe('Closient API credential', () => {
	describe('test request against the emulator', () => {
		const env = useSandbox({ emulators: ['closient'] });

		async function runTest(apiKey: string): Promise<number> {
			const { request } = credential.test;
			expect(request.baseURL).toBe('={{$credentials.baseUrl}}');
			const url = new URL(`${env.emulators.closient.url}${request.url}`);
			for (const [name, value] of Object.entries(request.qs ?? {})) {
				url.searchParams.set(name, String(value));
			}
			const header = credential.authenticate.properties.headers!['X-API-Key'] as string;
			expect(header).toBe('={{$credentials.apiKey}}');
			const response = await fetch(url, { headers: { 'X-API-Key': apiKey } });
			return response.status;
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
});
