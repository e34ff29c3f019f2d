// The credential's test request, built from its definition as n8n sends it when a user tests the
// credential, against the Upscayl emulator over loopback.
import { UpscaylApi } from '../../../credentials/UpscaylApi.credentials';
import { useSandbox } from '../../support/sandbox';

const credential = new UpscaylApi();

describe('Upscayl API credential test request against the emulator', () => {
	const env = useSandbox({ emulators: ['upscayl'] });

	async function runTest(apiKey: string): Promise<number> {
		const { request } = credential.test;
		const response = await fetch(`${env.emulators.upscayl.url}${request.url}`, {
			method: request.method,
			headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' },
			body: JSON.stringify(request.body),
		});
		return response.status;
	}

	it('passes with the right key and fails with another', async () => {
		expect(await runTest(env.emulators.upscayl.apiKey)).toBe(200);
		expect(await runTest('other-key')).toBe(401);
		expect(env.emulators.upscayl.calls.at(-1)).toMatchObject({
			method: 'POST',
			path: '/get-upscayl-history',
			body: { data: { limit: 1 } },
		});
	});
});
