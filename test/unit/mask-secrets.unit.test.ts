import { maskSecrets } from '../../nodes/transfer/redact';

const KEY = 'leo_live_9f8e7d6c5b4a/+=&"x';

describe('maskSecrets', () => {
	it.each([
		['as sent', `Invalid key ${KEY} given`],
		['percent-encoded', `GET /intent?key=${encodeURIComponent(KEY)}`],
		['inside a JSON string', JSON.stringify({ error: `bad key ${KEY}` })],
	])('masks a known secret echoed %s', (_form, text) => {
		const masked = maskSecrets(text, [KEY]);
		expect(masked).not.toContain(KEY);
		expect(masked).not.toContain(encodeURIComponent(KEY));
		expect(masked).not.toContain(JSON.stringify(KEY).slice(1, -1));
		expect(masked).toContain('***');
	});

	it('leaves short values alone, since masking them would mask ordinary words', () => {
		expect(maskSecrets('the key is abc', ['abc'])).toBe('the key is abc');
	});

	it('still masks what the patterns find', () => {
		expect(maskSecrets('https://s/x?X-Amz-Signature=deadbeef', [])).toBe(
			'https://s/x?X-Amz-Signature=***',
		);
	});
});
