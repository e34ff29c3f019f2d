import { UpscaylApi } from '../../../credentials/UpscaylApi.credentials';

const credential = new UpscaylApi();
const property = (name: string) => credential.properties.find((p) => p.name === name)!;

describe('Upscayl API credential', () => {
	it('defaults to the documented host and sends the key as X-API-Key', () => {
		expect(property('baseUrl').default).toBe('https://api.upscayl.org');
		expect(property('apiKey').typeOptions?.password).toBe(true);
		expect(property('apiKey').required).toBe(true);
		expect(credential.authenticate.properties.headers).toEqual({
			'X-API-Key': '={{$credentials.apiKey}}',
		});
	});

	it('tests the key with one entry of the history, on the base URL', () => {
		expect(credential.test.request).toEqual({
			baseURL: '={{$credentials.baseUrl}}',
			url: '/get-upscayl-history',
			method: 'POST',
			body: { data: { limit: 1 } },
		});
	});
});
