import { NodeHelpers } from 'n8n-workflow';

import { ScreeningEagleInspectApi } from '../../../credentials/ScreeningEagleInspectApi.credentials';

const credential = new ScreeningEagleInspectApi();
const property = (name: string) => credential.properties.find((p) => p.name === name)!;

describe('Screening Eagle Inspect API credential', () => {
	it('needs a Base URL (none is published), hides the token and assumes Bearer', () => {
		expect(property('baseUrl')).toMatchObject({ default: '', required: true });
		expect(property('token').typeOptions?.password).toBe(true);
		expect(property('authScheme').default).toBe('bearer');
		expect(property('authScheme').hint).toMatch(/not publish/);
	});

	it.each([
		[{ token: 't0k', authScheme: 'bearer' }, { Authorization: 'Bearer t0k' }],
		[{ token: 't0k', authScheme: 'header', headerName: 'X-API-Key' }, { 'X-API-Key': 't0k' }],
		[
			{ token: 't0k', authScheme: 'header', headerName: ' X-Inspect-Token ' },
			{ 'X-Inspect-Token': 't0k' },
		],
		[{ token: 't0k', authScheme: 'header', headerName: '' }, { 'X-API-Key': 't0k' }],
	])('sends the token as the scheme says: %j', async (data, headers) => {
		const options = await credential.authenticate(data, {
			url: '/x',
			headers: { Accept: 'application/json' },
		});
		expect(options.headers).toEqual({ Accept: 'application/json', ...headers });
	});

	it('shows Header Name only for the named-header scheme', () => {
		const shown = (authScheme: string) =>
			NodeHelpers.displayParameter({ authScheme }, property('headerName'), null, null);
		expect(shown('header')).toBe(true);
		expect(shown('bearer')).toBe(false);
	});

	it('tests the credential with an authenticated read of the spot fields of the given asset', () => {
		expect(credential.test.request).toEqual({
			baseURL: '={{$credentials.baseUrl}}',
			url: '/api/inspect/v1/spot/field',
			qs: { assetID: '={{$credentials.testAssetId}}' },
		});
	});
});
