import { assertUuid } from '../../../nodes/Legitmark/helpers/ids';
import {
	describeProgress,
	missingRequiredSides,
	serviceRequestOf,
} from '../../../nodes/Legitmark/helpers/serviceRequest';
import { sideExtensionOf } from '../../../nodes/Legitmark/helpers/sideFile';
import {
	signedHeaderNames,
	uploadHeadersFor,
} from '../../../nodes/Legitmark/helpers/uploadHeaders';
import { InputError } from '../../../nodes/transfer';

describe('sideExtensionOf', () => {
	it.each([
		[{ mimeType: 'image/jpeg', fileName: 'a.jpg' }, 'jpg'],
		[{ mimeType: 'image/jpeg', fileName: 'a.JPEG' }, 'jpeg'],
		[{ mimeType: 'image/jpeg' }, 'jpg'],
		[{ mimeType: 'image/png; charset=binary', fileName: 'scan' }, 'png'],
		[{ mimeType: 'image/heic', fileName: 'IMG_0001.HEIC' }, 'heic'],
		[{ mimeType: 'image/x-adobe-dng', fileName: 'raw.dng' }, 'dng'],
		[{ mimeType: 'application/octet-stream', fileName: 'raw.DNG' }, 'dng'],
		[{ fileName: 'photo.png' }, 'png'],
		[{ mimeType: '', fileExtension: 'jpg' }, 'jpg'],
		// The MIME type describes the bytes; a misleading name does not change the type.
		[{ mimeType: 'image/png', fileName: 'front.jpg' }, 'png'],
	])('%j → %s', (binary, extension) => {
		expect(sideExtensionOf(binary, 'data')).toBe(extension);
	});

	it.each([
		[{ mimeType: 'image/webp', fileName: 'a.webp' }, /image\/webp \(a\.webp\)/],
		[{ mimeType: 'image/webp', fileName: 'a.jpg' }, /image\/webp \(a\.jpg\)/],
		[{ mimeType: 'image/gif' }, /image\/gif;/],
		[{ mimeType: 'application/octet-stream', fileName: 'a.tiff' }, /a\.tiff/],
		[{}, /without a MIME type/],
	])('refuses %j, listing what is allowed', (binary, described) => {
		let error: unknown;
		try {
			sideExtensionOf(binary, 'photo');
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(InputError);
		expect((error as InputError).field).toBe('photo');
		expect((error as InputError).message).toMatch(described);
		expect((error as InputError).message).toMatch(/jpg, jpeg, png, heic, dng/);
	});
});

describe('upload headers', () => {
	const url = (signed: string) =>
		`https://s3.amazonaws.com/b/k.jpg?X-Amz-Date=20300101T000000Z&X-Amz-SignedHeaders=${encodeURIComponent(signed)}`;

	it('reads X-Amz-SignedHeaders in any case', () => {
		expect(signedHeaderNames(url('Content-Type;host;X-Amz-Acl'))).toEqual([
			'content-type',
			'host',
			'x-amz-acl',
		]);
		expect(signedHeaderNames('https://s3.amazonaws.com/b/k?x-amz-signedheaders=host')).toEqual([
			'host',
		]);
		expect(signedHeaderNames('not a url')).toEqual([]);
	});

	it('always sends Content-Type, and the SDK headers only when signed', () => {
		expect(uploadHeadersFor(url('host'), 'image/png')).toEqual({ 'Content-Type': 'image/png' });
		expect(uploadHeadersFor(url('host;x-amz-acl'), 'image/png')).toEqual({
			'Content-Type': 'image/png',
			'x-amz-acl': 'public-read',
		});
		expect(
			uploadHeadersFor(url('cache-control;content-type;host;x-amz-acl'), 'image/jpeg'),
		).toEqual({
			'Content-Type': 'image/jpeg',
			'x-amz-acl': 'public-read',
			'Cache-Control': 'max-age=10',
		});
	});
});

describe('assertUuid', () => {
	it('accepts any UUID version and normalises case and spaces', () => {
		expect(assertUuid(' 3C14E504-8134-11EF-9E85-02D0D7ECC26B ', 'Side ID')).toBe(
			'3c14e504-8134-11ef-9e85-02d0d7ecc26b',
		);
	});

	it.each([[''], [undefined], ['LM100001'], [42]])('refuses %j', (value) => {
		expect(() => assertUuid(value, 'Service Request ID')).toThrow(
			/"Service Request ID" must be a UUID/,
		);
	});
});

describe('service request answers', () => {
	const sr = {
		sides: {
			required: [
				{ uuid: 'a', name: 'Front', media_url: [{ url: 'x' }] },
				{ uuid: 'b', name: 'Back', media_url: [] },
				{ uuid: 'c', name: 'Tag' },
			],
			progress: { current_required: 1, total_required: 3, met: false },
		},
	};

	it('finds the object under sr or data', () => {
		expect(serviceRequestOf({ success: true, sr: { uuid: 'u' } })).toEqual({ uuid: 'u' });
		expect(serviceRequestOf({ success: true, data: { uuid: 'u' } })).toEqual({ uuid: 'u' });
	});

	it('lists required sides without an image', () => {
		expect(missingRequiredSides(sr)).toEqual([
			{ uuid: 'b', name: 'Back' },
			{ uuid: 'c', name: 'Tag' },
		]);
		expect(describeProgress(sr)).toBe('1 of 3 required sides present; missing: Back (b), Tag (c)');
		expect(describeProgress({})).toBe('required sides are missing');
	});
});
