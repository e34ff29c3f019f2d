import type { IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../../nodes/shared/errors';
import { readNumber, readTransferOptions } from '../../nodes/shared/fields';

/** Only what the readers use: parameters as an expression would hand them over. */
function parameters(values: Record<string, unknown>): IExecuteFunctions {
	return {
		getNodeParameter: (name: string, _item: number, fallback?: unknown) =>
			name in values ? values[name] : fallback,
	} as unknown as IExecuteFunctions;
}

const COUNT = { min: 1, max: 10, integer: true };

describe('readNumber', () => {
	it('returns a number in range, and the fallback when the option is not set', () => {
		expect(readNumber(parameters({ n: 3 }), 0, 'n', 'N', 1, COUNT)).toBe(3);
		expect(readNumber(parameters({}), 0, 'n', 'N', 7, COUNT)).toBe(7);
		expect(readNumber(parameters({ n: '4' }), 0, 'n', 'N', 1, COUNT)).toBe(4);
	});

	it.each([
		['NaN', Number.NaN, 'got NaN'],
		['0', 0, 'got 0'],
		['-1', -1, 'got -1'],
		['above the maximum', 11, 'got 11'],
		['a fraction for a count', 2.5, 'got 2.5'],
		['text', 'soon', 'got "soon"'],
		['Infinity', Infinity, 'got Infinity'],
		['null', null, 'got null'],
	])('refuses %s, naming the option and its range', (_case, value, got) => {
		const read = () => readNumber(parameters({ n: value }), 0, 'n', 'Max Attempts', 1, COUNT);
		expect(read).toThrow(InputError);
		expect(read).toThrow(`"Max Attempts" must be a whole number from 1 to 10, ${got}`);
	});

	it('accepts fractions where the range allows them', () => {
		const range = { min: 0.1, max: 60 };
		expect(readNumber(parameters({ n: 0.5 }), 0, 'n', 'Poll Interval', 5, range)).toBe(0.5);
	});
});

describe('readTransferOptions', () => {
	it('reads the defaults when no option is set', () => {
		expect(readTransferOptions(parameters({}), 0)).toEqual({
			maxAttempts: 4,
			partConcurrency: 4,
			timeoutMs: 120_000,
		});
	});

	it.each([
		['options.maxAttempts', Number.NaN, 'Max Attempts'],
		['options.partConcurrency', 0, 'Parts at Once'],
		['options.timeoutSeconds', 0, 'Timeout (Seconds)'],
		['options.timeoutSeconds', -1, 'Timeout (Seconds)'],
	])('refuses %s = %s before anything is sent', (name, value, label) => {
		expect(() => readTransferOptions(parameters({ [name]: value }), 0)).toThrow(`"${label}"`);
	});
});
