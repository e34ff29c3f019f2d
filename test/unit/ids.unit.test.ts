import { InputError } from '../../nodes/shared/errors';
import { uuidOf } from '../../nodes/shared/ids';

describe('uuidOf', () => {
	it('returns a UUID trimmed and lower-cased', () => {
		expect(uuidOf(' 3FA85F64-5717-4562-B3FC-2C963F66AFA6 ', 'Asset ID')).toBe(
			'3fa85f64-5717-4562-b3fc-2c963f66afa6',
		);
	});

	it.each([
		['', 'nothing'],
		[undefined, 'nothing'],
		[42, 'nothing'],
		['BRIDGE-7', '"BRIDGE-7"'],
		['3fa85f64-5717-4562-b3fc-2c963f66afa6.jpg', '"3fa85f64-5717-4562-b3fc-2c963f66afa6.jpg"'],
		[`${'a'.repeat(60)}pasted-by-mistake`, `"${'a'.repeat(60)}"`],
	])('refuses %j, naming the field and what it got', (value, got) => {
		let error: unknown;
		try {
			uuidOf(value, 'Asset ID', 'Use the id Inspect shows.');
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(InputError);
		expect((error as InputError).field).toBe('Asset ID');
		expect((error as InputError).message).toBe(
			`"Asset ID" must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6, got ${got}`,
		);
		expect((error as InputError).description).toBe('Use the id Inspect shows.');
	});
});
