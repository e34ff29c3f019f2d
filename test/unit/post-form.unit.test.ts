// The multipart/form-data envelope of an S3 presigned POST: the policy's fields in their order,
// then the file, typed by the policy's Content-Type field in whatever letter case it is written.
import { formEnvelope } from '../../nodes/transfer/post-form';

const photo = { fileName: 'photo.jpg', mimeType: 'image/jpeg' };

function fileHeaderOf(fields: Record<string, string>): string {
	const { head } = formEnvelope(fields, photo, 'B');
	const text = head.toString('utf8');
	return text.slice(text.lastIndexOf('--B\r\n'));
}

describe('formEnvelope', () => {
	it.each([
		['Content-Type', 'image/webp'],
		['content-type', 'image/webp'],
		['CONTENT-TYPE', 'image/webp'],
	])("types the file by the policy's %s field over the binary's type", (name, type) => {
		expect(fileHeaderOf({ key: 'k', [name]: type })).toBe(
			`--B\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: ${type}\r\n\r\n`,
		);
	});

	it("types the file by the binary's type when the policy names none", () => {
		expect(fileHeaderOf({ key: 'k' })).toBe(
			'--B\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n',
		);
	});

	it('sends every field before the file, and closes the body after it', () => {
		const { head, tail } = formEnvelope({ key: 'k', policy: 'p' }, photo, 'B');

		expect(head.toString('utf8')).toBe(
			'--B\r\nContent-Disposition: form-data; name="key"\r\n\r\nk\r\n' +
				'--B\r\nContent-Disposition: form-data; name="policy"\r\n\r\np\r\n' +
				'--B\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n',
		);
		expect(tail.toString('utf8')).toBe('\r\n--B--\r\n');
	});
});
