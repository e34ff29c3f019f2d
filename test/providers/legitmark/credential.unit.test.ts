import { NodeHelpers } from 'n8n-workflow';

import { LegitmarkApi } from '../../../credentials/LegitmarkApi.credentials';

const credential = new LegitmarkApi();
const property = (name: string) => credential.properties.find((p) => p.name === name)!;

describe('Legitmark API credential', () => {
	it('defaults to the documented hosts and names the SDK host in the hint', () => {
		expect(property('baseUrl').default).toBe('https://api.legitmark.com');
		expect(property('assetBaseUrl').default).toBe('https://asset.legitmark.com');
		expect(property('assetBaseUrl').hint).toContain('https://media.legitmark.com');
		expect(property('apiKey').typeOptions?.password).toBe(true);
		expect(credential.authenticate.properties.headers).toEqual({
			Authorization: '=Bearer {{$credentials.apiKey}}',
		});
	});

	it.each([
		['sk_live_123', true],
		['leo_abc', false],
		['', false],
		['__n8n_BLANK_VALUE_e5362baf-c777-4d57-a609-6eaf1f9e87f6', false],
	])('warns about the key prefix for %j: %s', (apiKey, shown) => {
		expect(NodeHelpers.displayParameter({ apiKey }, property('keyPrefixNotice'), null, null)).toBe(
			shown,
		);
	});
});
