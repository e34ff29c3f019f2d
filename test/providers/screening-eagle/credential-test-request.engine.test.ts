// The credential's test request, built from its definition and its authenticate function as n8n
// sends it when a user tests the credential, against the emulator over loopback.
import { ASSETS } from '../../support/emulators/screening-eagle';
import { credentialTestRequest } from '../../support/engine';
import { useSandbox } from '../../support/sandbox';

describe('Screening Eagle Inspect API credential test request', () => {
	const env = useSandbox({ emulators: ['screening-eagle'] });

	async function runTest(token: string): Promise<number> {
		const { url, method, headers } = await credentialTestRequest('screeningEagleInspectApi', {
			token,
			authScheme: 'bearer',
			testAssetId: ASSETS.bridge.id,
			baseUrl: env.emulators['screening-eagle'].url,
		});
		return (await fetch(url, { method, headers })).status;
	}

	it('passes with the right token and fails with another', async () => {
		expect(await runTest(env.emulators['screening-eagle'].token)).toBe(200);
		expect(await runTest('se_other')).toBe(401);
		expect(env.emulators['screening-eagle'].calls.at(-1)).toMatchObject({
			method: 'GET',
			path: '/api/inspect/v1/spot/field',
			query: { assetID: ASSETS.bridge.id },
		});
	});
});
