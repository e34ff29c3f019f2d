// The credential's test request, built from its definition as n8n sends it when a user tests the
// credential, against the Upscayl emulator over loopback.
import { credentialTestRequest } from '../../support/engine';
import { useSandbox } from '../../support/sandbox';

describe('Upscayl API credential test request against the emulator', () => {
	const env = useSandbox({ emulators: ['upscayl'] });

	async function runTest(apiKey: string): Promise<number> {
		const { url, method, headers, body } = await credentialTestRequest('upscaylApi', {
			apiKey,
			baseUrl: env.emulators.upscayl.url,
		});
		return (await fetch(url, { method, headers, body })).status;
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
