import { SiviApi } from '../../../credentials/SiviApi.credentials';
import { credentialTestRequest } from '../../support/engine';

const credential = new SiviApi();

const property = (name: string) => credential.properties.find((p) => p.name === name)!;

describe('Sivi API credential', () => {
	it('defaults to the documented production base URL and the General plan, and says how they compose', () => {
		expect(property('baseUrl').default).toBe('https://connect.sivi.ai/api/prod/v2');
		expect(property('baseUrl').hint).toContain('https://connect.sivi.ai/api/staging/v2');
		expect(property('baseUrl').hint).toContain(
			'https://connect.sivi.ai/api/prod/v2/general/files/get-presigned-url',
		);
		expect(property('apiPlan').default).toBe('general');
		expect(property('apiPlan').options).toEqual([
			{ name: 'General', value: 'general' },
			{ name: 'Enterprise', value: 'enterprise' },
			{ name: 'Super', value: 'super' },
		]);
		expect(property('apiKey').typeOptions?.password).toBe(true);
		expect(credential.authenticate.properties.headers).toEqual({
			'sivi-api-key': '={{$credentials.apiKey}}',
		});
	});

	it.each([
		['https://connect.sivi.ai/api/prod/v2', 'general'],
		['https://connect.sivi.ai/api/prod/v2/', 'super'],
		['https://connect.sivi.ai/api/staging/v2//', 'enterprise'],
	])('tests %s with plan %s at <base>/<plan>/font/get', async (baseUrl, apiPlan) => {
		const { url } = await credentialTestRequest('siviApi', { apiKey: 'k', baseUrl, apiPlan });
		expect(url.href).toBe(`${baseUrl.replace(/\/+$/, '')}/${apiPlan}/font/get`);
		expect(credential.test.request).toMatchObject({ method: 'POST', body: { limit: 1 } });
	});
});
