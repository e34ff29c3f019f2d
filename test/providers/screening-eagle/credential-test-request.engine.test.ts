// The credential's test request, built from its definition and its authenticate function as n8n
// sends it when a user tests the credential, against the emulator over loopback.
import { ScreeningEagleInspectApi } from '../../../credentials/ScreeningEagleInspectApi.credentials';
import { useSandbox } from '../../support/sandbox';
import { ASSETS } from '../../support/emulators/screening-eagle';

const credential = new ScreeningEagleInspectApi();

describe('Screening Eagle Inspect API credential test request', () => {
	const env = useSandbox({ emulators: ['screening-eagle'] });

	async function runTest(token: string): Promise<number> {
		const { request } = credential.test;
		const data = { token, authScheme: 'bearer', testAssetId: ASSETS.bridge.id };
		const url = new URL(`${env.emulators['screening-eagle'].url}${request.url}`);
		url.searchParams.set('assetID', data.testAssetId);
		const { headers } = await credential.authenticate(data, { url: url.href });
		const response = await fetch(url, { headers: headers as Record<string, string> });
		return response.status;
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
