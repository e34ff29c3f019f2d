import { isoTime } from '../../../nodes/Upscayl/helpers/timestamps';
import { uploadTicketOf } from '../../../nodes/Upscayl/helpers/uploadAnswer';
import { resultFileOf } from '../../../nodes/Upscayl/helpers/taskAnswer';

describe('Upscayl answers', () => {
	it.each([
		[1_900_000_000, '2030-03-17T17:46:40.000Z'],
		[1_900_000_000_000, '2030-03-17T17:46:40.000Z'],
		['1900000000', '2030-03-17T17:46:40.000Z'],
		[0, undefined],
		['soon', undefined],
	])('reads the timestamp %j', (value, iso) => {
		expect(isoTime(value)).toBe(iso);
	});

	it('orders the part URLs and refuses a gap', () => {
		const answer = (numbers: number[]) => ({
			data: {
				uploadId: 'u',
				path: 'p',
				partSize: 10,
				partUrls: numbers.map((partNumber) => ({
					partNumber,
					signedUrl: `https://s3.example.com/p?partNumber=${partNumber}`,
				})),
			},
		});
		expect(uploadTicketOf(answer([2, 1])).target.parts.map((p) => p.partNumber)).toEqual([1, 2]);
		expect(() => uploadTicketOf(answer([1, 3]))).toThrow('without the URL of part 2');
	});

	it('prefers downloadUrl over downloadLink and refuses a processed task without either', () => {
		const files = [{ downloadUrl: 'https://a.example/x', downloadLink: 'https://b.example/y' }];
		expect(resultFileOf({ files }, 't').url).toBe('https://a.example/x');
		expect(() => resultFileOf({ files: [{}] }, 't')).toThrow('named no download link');
	});
});
