// A storage (or a proxy in front of it) that echoes the URL's secrets back in its error body:
// the values the node knows are masked wherever they appear, not only where a pattern finds them.
import nock from 'nock';

import { useNockedEngine } from '../support/nock';

const HOST = 'https://storage.example.com';
const SIGNATURE = 'a3f1c9e07b5d42e8a3f1c9e07b5d42e8a3f1c9e07b5d42e8a3f1c9e07b5d42e8';
const KEY_ID = 'ASIAEXAMPLEKEY123456';
const CREDENTIAL = `${KEY_ID}/20991231/us-east-1/s3/aws4_request`;
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLEsessionTOKEN/+=';
const POLICY = Buffer.from('{"expiration":"2099-12-31T00:00:00Z","conditions":[]}').toString(
	'base64',
);
const SECRETS = [SIGNATURE, KEY_ID, TOKEN, POLICY];

const query = new URLSearchParams({
	'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
	'X-Amz-Credential': CREDENTIAL,
	'X-Amz-Date': '20991231T000000Z',
	'X-Amz-Expires': '900',
	'X-Amz-Security-Token': TOKEN,
	'X-Amz-SignedHeaders': 'host',
	'X-Amz-Signature': SIGNATURE,
});
const PUT_TARGET = { method: 'PUT', url: `${HOST}/key?${query.toString()}`, headers: {} };
const POST_TARGET = {
	method: 'POST',
	url: `${HOST}/`,
	fields: {
		key: 'key',
		policy: POLICY,
		'x-amz-algorithm': 'AWS4-HMAC-SHA256',
		'x-amz-credential': CREDENTIAL,
		'x-amz-date': '20991231T000000Z',
		'x-amz-security-token': TOKEN,
		'x-amz-signature': SIGNATURE,
	},
};

const env = useNockedEngine('default');

async function failedUpload(target: unknown) {
	const run = await env.engine.run({
		nodes: [
			{ name: 'Source', type: 'binarySource', parameters: { size: 100 } },
			{ name: 'Upload', type: 'presignedUpload', parameters: { target: target as never } },
		],
	});
	const error = run.error('Upload');
	expect(error).toBeDefined();
	return error as Error & { description?: string; toJSON?: () => unknown };
}

/**
 * Everything the error shows or stores, except `node`: n8n stores the node with the parameters the
 * user typed (here the target itself), which is workflow data, not something the storage echoed.
 */
function expectNoSecret(error: Error & { description?: string; toJSON?: () => unknown }) {
	const { node: _node, ...stored } = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
	const shown = [
		error.message,
		error.description ?? '',
		JSON.stringify(stored),
		JSON.stringify(error.toJSON?.() ?? {}),
	].join('\n');
	// The storage's body did reach the message, masked: the check below is not vacuous.
	expect(error.message).toContain('***');
	for (const secret of SECRETS) {
		expect(shown).not.toContain(secret);
		expect(shown).not.toContain(encodeURIComponent(secret));
	}
}

describe('secrets echoed by the storage', () => {
	it.each([
		[
			'a plain-text body',
			'text/plain',
			`denied: signature ${SIGNATURE} for ${KEY_ID}, token ${TOKEN}`,
		],
		[
			'a proxy JSON body',
			'application/json',
			JSON.stringify({ 'X-Amz-Signature': SIGNATURE, token: TOKEN, key: KEY_ID }),
		],
		[
			'percent-encoded in HTML',
			'text/html',
			`<p>bad request to /key?sig=${encodeURIComponent(SIGNATURE)}&t=${encodeURIComponent(TOKEN)}</p>`,
		],
	])('masks them in %s after a PUT', async (_case, contentType, body) => {
		// A Buffer: nock hands a plain string body to the client garbled.
		nock(HOST)
			.put('/key')
			.query(true)
			.reply(403, Buffer.from(body), { 'Content-Type': contentType });

		expectNoSecret(await failedUpload(PUT_TARGET));
	});

	it('masks them in an S3 error without a <Message> after a POST form', async () => {
		nock(HOST)
			.post('/')
			.reply(
				403,
				`<Error><Code>AccessDenied</Code><PolicyDocument>${POLICY}</PolicyDocument><Token>${TOKEN}</Token></Error>`,
			);

		expectNoSecret(await failedUpload(POST_TARGET));
	});
});
