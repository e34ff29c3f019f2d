import { describeUrl, redact } from '../../nodes/transfer/redact';

const presigned =
	'https://s3.us-east-1.amazonaws.com/b/k.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261122%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261122T020000Z&X-Amz-Expires=300&X-Amz-Security-Token=FQoGZX&X-Amz-Signature=0123abcd&X-Amz-SignedHeaders=host';

describe('redact', () => {
	it('masks signature, credential and session token in a presigned URL', () => {
		const text = redact(`PUT ${presigned} failed`);
		expect(text).not.toMatch(/0123abcd|AKIAEXAMPLE|FQoGZX/);
		expect(text).toContain('X-Amz-Signature=***');
		expect(text).toContain('X-Amz-Credential=***');
		expect(text).toContain('X-Amz-Security-Token=***');
		expect(text).toContain('X-Amz-Expires=300');
	});

	it('masks POST policy fields, legacy signatures, API keys and bearer tokens', () => {
		const text = redact(
			'policy=eyJleHAi Signature=abc%2B AWSAccessKeyId=AKIA api_key=k1 sig=s1 Authorization: Bearer leo_secret',
		);
		expect(text).toBe(
			'policy=*** Signature=*** AWSAccessKeyId=*** api_key=*** sig=*** Authorization: Bearer ***',
		);
	});

	it('masks the signature details of an S3 SignatureDoesNotMatch body', () => {
		const xml =
			'<Error><Code>SignatureDoesNotMatch</Code><AWSAccessKeyId>AKIA1</AWSAccessKeyId><StringToSign>AWS4 x</StringToSign><SignatureProvided>beef</SignatureProvided><CanonicalRequest>PUT /k</CanonicalRequest></Error>';
		expect(redact(xml)).toBe(
			'<Error><Code>SignatureDoesNotMatch</Code><AWSAccessKeyId>***</AWSAccessKeyId><StringToSign>***</StringToSign><SignatureProvided>***</SignatureProvided><CanonicalRequest>***</CanonicalRequest></Error>',
		);
	});

	it('describes a URL by origin and path only', () => {
		expect(describeUrl(presigned)).toBe('https://s3.us-east-1.amazonaws.com/b/k.jpg');
	});
});
