import type { IBinaryData } from 'n8n-workflow';

import { fileExtensionOf } from '../../../nodes/Sivi/helpers/fileExtension';
import {
	assertExtensionAllowed,
	assertSubType,
	CONTENT_TYPE_BY_EXTENSION,
	MEDIA_TYPES,
	UPLOAD_TYPES,
} from '../../../nodes/Sivi/helpers/mediaTypes';
import { targetOf } from '../../../nodes/Sivi/helpers/target';

const binary = (mimeType: string, fileName?: string): IBinaryData => ({
	data: '',
	mimeType,
	fileName,
});

// The table of Sivi's Media Types & SubTypes page, as the node must apply it.
const DOCUMENTED: Record<string, string[]> = {
	photo: ['jpg', 'jpeg', 'png', 'webp'],
	logo: ['jpeg', 'png', 'svg', 'webp'],
	illustration: ['svg'],
	screenshot: ['jpg', 'jpeg', 'png', 'webp'],
	backdrop: ['jpg', 'jpeg', 'png'],
	font: ['ttf'],
};

describe('the type table', () => {
	const cases = UPLOAD_TYPES.flatMap((type) =>
		Object.keys(CONTENT_TYPE_BY_EXTENSION).map((extension) => [type, extension] as const),
	);

	it.each(cases)(
		'%s with %s is allowed exactly when the documentation says so',
		(type, extension) => {
			const check = () => assertExtensionAllowed(type, extension, 'data', 'a file');
			if (DOCUMENTED[type].includes(extension)) expect(check()).toBe(extension);
			else expect(check).toThrow(`Sivi's ${type} type allows only ${DOCUMENTED[type].join(', ')}`);
		},
	);

	it('knows the documented sub-types and defaults', () => {
		expect(assertSubType('screenshot', 'macbook', 'Sub-Type')).toBe('macbook');
		expect(assertSubType('backdrop', ' ', 'Sub-Type')).toBeUndefined();
		expect(() => assertSubType('photo', 'logo', 'Sub-Type')).toThrow(
			'"Sub-Type" "logo" is not one of Sivi\'s photo sub-types: photograph',
		);
		expect(MEDIA_TYPES.backdrop.subTypes).toEqual(['backgroundImage', 'pattern', 'texture']);
	});
});

describe('fileExtensionOf', () => {
	it.each([
		[binary('image/png', 'logo.png'), 'png'],
		[binary('image/jpeg', 'photo.jpeg'), 'jpeg'],
		[binary('image/jpeg', 'photo.JPG'), 'jpg'],
		[binary('image/jpeg'), 'jpg'],
		[binary('image/png', 'misnamed.jpg'), 'png'],
		[binary('application/octet-stream', 'Brand.ttf'), 'ttf'],
		[binary('font/ttf', 'Brand'), 'ttf'],
		[binary('image/tiff', 'scan.tif'), 'tiff'],
		[binary('font/otf', 'Brand.otf'), 'otf'],
		[binary('application/octet-stream'), undefined],
	])('%j → %s', (file, extension) => {
		expect(fileExtensionOf(file)).toBe(extension);
	});
});

describe('targetOf', () => {
	it('takes the method and exactly the headers, and the expiry from expiresIn when the URL has none', () => {
		const now = Date.UTC(2030, 0, 1);
		expect(
			targetOf(
				{
					uploadUrl: 'https://media.hellosivi.com/photos/a.jpeg',
					method: 'put',
					headers: { 'Content-Type': 'image/jpeg' },
					expiresIn: 300,
				},
				now,
			),
		).toEqual({
			method: 'PUT',
			url: 'https://media.hellosivi.com/photos/a.jpeg',
			headers: { 'Content-Type': 'image/jpeg' },
			expiresAt: '2030-01-01T00:05:00.000Z',
		});
	});
});
