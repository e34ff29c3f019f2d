import { NodeHelpers } from 'n8n-workflow';

import { ClosientApi } from '../../../credentials/ClosientApi.credentials';
import { apiKeyProblem, keyChecksum } from '../../../nodes/ClosientScanner/helpers/apiKey';
import { DEFAULT_API_KEY, makeKey } from '../../support/emulators/closient';

const credential = new ClosientApi();
const property = (name: string) => credential.properties.find((p) => p.name === name)!;
const BODY = 'SandboxScannerKey000000000000001';

describe('Closient API credential', () => {
	it('defaults to the documented host, sends X-API-Key and tests with a one-session list', () => {
		expect(property('baseUrl').default).toBe('https://www.closient.com');
		expect(property('apiKey').typeOptions?.password).toBe(true);
		expect(credential.authenticate.properties.headers).toEqual({
			'X-API-Key': '={{$credentials.apiKey}}',
		});
		expect(credential.test.request).toMatchObject({
			baseURL: '={{$credentials.baseUrl}}',
			url: '/scanner/api/v1/sessions',
			qs: { page: 1, page_size: 1 },
		});
	});

	it.each([
		[DEFAULT_API_KEY, false],
		['', false],
		['__n8n_BLANK_VALUE_e5362baf-c777-4d57-a609-6eaf1f9e87f6', false],
		['csb_short_00000000', true],
		['sk_live_123', true],
	])('shows the shape notice for %j: %s', (apiKey, shown) => {
		expect(NodeHelpers.displayParameter({ apiKey }, property('keyShapeNotice'), null, null)).toBe(
			shown,
		);
	});
});

describe('Closient API key check', () => {
	it('computes the documented checksum: CRC-32 of the body, 8 lower-case hex digits', () => {
		expect(keyChecksum('')).toBe('00000000');
		// The well-known CRC-32 check value.
		expect(keyChecksum('123456789')).toBe('cbf43926');
		expect(DEFAULT_API_KEY).toBe(`csb_${BODY}_${keyChecksum(BODY)}`);
	});

	it.each(['csb', 'csu', 'cpk'])('accepts a %s key with its checksum', (prefix) => {
		expect(apiKeyProblem(makeKey(prefix, BODY))).toBeUndefined();
		expect(apiKeyProblem(`  ${makeKey(prefix, BODY)}\n`)).toBeUndefined();
	});

	it.each([
		['', 'The API key is empty'],
		['xyz_' + BODY + '_' + keyChecksum(BODY), 'The API key does not start with csb_, csu_ or cpk_'],
		[
			`csb_${BODY.slice(1)}_${keyChecksum(BODY)}`,
			'The API key is not <prefix>_<32 letters and digits>_<8 hex digits>',
		],
		[
			`csb_${BODY}_${keyChecksum(BODY).toUpperCase()}`,
			'The API key is not <prefix>_<32 letters and digits>_<8 hex digits>',
		],
		[
			`csb_${BODY.replace('S', 's')}_${keyChecksum(BODY)}`,
			"The API key's checksum does not match its body: a character was changed or lost",
		],
	])('refuses %j: %s', (key, problem) => {
		expect(apiKeyProblem(key)).toBe(problem);
	});
});
