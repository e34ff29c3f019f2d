import { objectUrlOf } from '../../nodes/transfer/object-url';

const SIGNED = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc123';

describe('objectUrlOf: where the upload put the object', () => {
	it('a PUT: the presigned URL without its query and fragment', () => {
		const url = `https://bucket.s3.eu-west-1.amazonaws.com/in/photo%20one.jpg?${SIGNED}#frag`;
		expect(objectUrlOf({ method: 'PUT', url, headers: {} }, 'ignored.jpg')).toBe(
			'https://bucket.s3.eu-west-1.amazonaws.com/in/photo%20one.jpg',
		);
	});

	it('a multipart upload: the first part URL without partNumber and uploadId', () => {
		const part = (n: number) => ({
			partNumber: n,
			url: `http://127.0.0.1:9000/b/big.bin?partNumber=${n}&uploadId=u1&${SIGNED}`,
		});
		const target = { method: 'MULTIPART' as const, parts: [part(1), part(2)], partSize: 5 };
		expect(objectUrlOf(target, 'x')).toBe('http://127.0.0.1:9000/b/big.bin');
	});

	it('a POST form: the form URL plus its key field, S3-encoded, the file name put in for ${filename}', () => {
		const target = {
			method: 'POST' as const,
			url: 'https://bucket.s3.amazonaws.com/',
			fields: { Key: 'uploads/${filename}', policy: 'p' },
		};
		expect(objectUrlOf(target, "it's (a) file*!.jpg")).toBe(
			'https://bucket.s3.amazonaws.com/uploads/it%27s%20%28a%29%20file%2A%21.jpg',
		);
	});

	it('a POST form on a path-style bucket URL keeps the bucket in the path', () => {
		const target = {
			method: 'POST' as const,
			url: 'http://127.0.0.1:9000/sandbox-bucket//?x=1',
			fields: { key: 'a/b c/${filename}/${filename}' },
		};
		expect(objectUrlOf(target, 'f.txt')).toBe(
			'http://127.0.0.1:9000/sandbox-bucket/a/b%20c/f.txt/f.txt',
		);
	});

	it('a POST form file name is the one the form sends: quotes and line breaks as in the form', () => {
		const target = { method: 'POST' as const, url: 'https://h/b', fields: { key: '${filename}' } };
		expect(objectUrlOf(target, 'a"b\r\nc')).toBe('https://h/b/a%2522b%20%20c');
	});

	it('a POST form without a key field: no address', () => {
		const target = { method: 'POST' as const, url: 'https://h/b', fields: { policy: 'p' } };
		expect(objectUrlOf(target, 'f')).toBeUndefined();
	});
});
