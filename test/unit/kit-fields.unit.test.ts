// The kit's fields as the editor shows them, and the readers that check them at run time.
import type { IExecuteFunctions } from 'n8n-workflow';

import { inputErrorOf } from '../support/failures';

import {
	keepsBinary,
	operationFields,
	optionsCollection,
	pollOptionFields,
	readBinaryPropertyName,
	readItemsAtOnce,
	readNumber,
	readPollOptions,
	readTransferOptions,
	uploadTargetField,
} from '../../nodes/shared/fields';

function parameters(values: Record<string, unknown>): IExecuteFunctions {
	return {
		getNodeParameter: (name: string, _item: number, fallback?: unknown) =>
			name in values ? values[name] : fallback,
	} as unknown as IExecuteFunctions;
}

const refused = inputErrorOf;

const refusal = (run: () => unknown): string => refused(run).message;

describe('readBinaryPropertyName', () => {
	it('is the trimmed field name, data when unset', () => {
		expect(readBinaryPropertyName(parameters({ binaryPropertyName: ' photo ' }), 0)).toBe('photo');
		expect(readBinaryPropertyName(parameters({}), 0)).toBe('data');
	});

	it.each([
		['blank', '  '],
		['not text', 3],
	])('refuses a name that is %s, naming the field', (_case, name) => {
		const error = refused(() =>
			readBinaryPropertyName(parameters({ binaryPropertyName: name }), 0),
		);
		expect(error.field).toBe('Input Binary Field');
		expect(error.message).toBe(
			'"Input Binary Field" must name the binary field that holds the file, for example data',
		);
	});
});

describe('readNumber', () => {
	it('takes the range bounds themselves, and says "a number" where fractions are allowed', () => {
		const range = { min: 0.5, max: 2 };
		expect(readNumber(parameters({ n: 0.5 }), 0, 'n', 'N', 1, range)).toBe(0.5);
		expect(readNumber(parameters({ n: '2' }), 0, 'n', 'N', 1, range)).toBe(2);
		expect(refusal(() => readNumber(parameters({ n: 2.01 }), 0, 'n', 'N', 1, range))).toBe(
			'"N" must be a number from 0.5 to 2, got 2.01',
		);
		expect(refusal(() => readNumber(parameters({ n: ' ' }), 0, 'n', 'N', 1, range))).toBe(
			'"N" must be a number from 0.5 to 2, got " "',
		);
	});

	it.each([
		['empty text', '', '""'],
		['blank text', '   ', '"   "'],
		['null', null, 'null'],
		['true', true, 'true'],
	])(
		'refuses %s even where 0 is allowed, though Number() would make it 0 or 1',
		(_case, value, got) => {
			const error = refused(() =>
				readNumber(parameters({ n: value }), 0, 'n', 'N', 1, { min: 0, max: 10 }),
			);
			expect(error.field).toBe('N');
			expect(error.message).toBe(`"N" must be a number from 0 to 10, got ${got}`);
		},
	);
});

describe('readItemsAtOnce and readTransferOptions', () => {
	it('reads Items at Once from 1 to 50 from the first item', () => {
		expect(readItemsAtOnce(parameters({ 'options.itemsAtOnce': 50 }))).toBe(50);
		expect(readItemsAtOnce(parameters({}))).toBe(1);
		expect(refusal(() => readItemsAtOnce(parameters({ 'options.itemsAtOnce': 51 })))).toBe(
			'"Items at Once" must be a whole number from 1 to 50, got 51',
		);
	});

	it('reads the transfer options at their limits, the timeout in milliseconds', () => {
		const values = {
			'options.maxAttempts': 10,
			'options.partConcurrency': 16,
			'options.timeoutSeconds': 3600,
		};
		expect(readTransferOptions(parameters(values), 0)).toEqual({
			maxAttempts: 10,
			partConcurrency: 16,
			timeoutMs: 3_600_000,
		});
		expect(refusal(() => readTransferOptions(parameters({ 'options.maxAttempts': 11 }), 0))).toBe(
			'"Max Attempts" must be a whole number from 1 to 10, got 11',
		);
		expect(
			refusal(() => readTransferOptions(parameters({ 'options.partConcurrency': 17 }), 0)),
		).toBe('"Parts at Once" must be a whole number from 1 to 16, got 17');
		expect(
			refusal(() => readTransferOptions(parameters({ 'options.timeoutSeconds': 3601 }), 0)),
		).toBe('"Timeout (Seconds)" must be a number from 1 to 3600, got 3601');
	});
});

describe('keepsBinary', () => {
	it('keeps the binary unless Keep Binary is off', () => {
		expect(keepsBinary(parameters({}), 0)).toBe(true);
		expect(keepsBinary(parameters({ 'options.keepBinary': true }), 0)).toBe(true);
		expect(keepsBinary(parameters({ 'options.keepBinary': false }), 0)).toBe(false);
	});
});

describe('readPollOptions', () => {
	const options = { timeoutDescription: 'How long to wait' };

	it('reads the interval and the timeout at their limits, in milliseconds', () => {
		const values = { 'options.pollIntervalSeconds': 0.1, 'options.timeoutSeconds': 86_400 };
		expect(readPollOptions(parameters(values), 0, options)).toEqual({
			intervalMs: 100,
			timeoutMs: 86_400_000,
		});
		expect(readPollOptions(parameters({ 'options.timeoutSeconds': 0 }), 0, options)).toEqual({
			intervalMs: 5000,
			timeoutMs: 0,
		});
	});

	it('refuses an interval under 0.1 s or over an hour, and a timeout over a day', () => {
		const read = (values: Record<string, unknown>) => () =>
			readPollOptions(parameters(values), 0, options);
		expect(refusal(read({ 'options.pollIntervalSeconds': 0.05 }))).toBe(
			'"Poll Interval (Seconds)" must be a number from 0.1 to 3600, got 0.05',
		);
		expect(refusal(read({ 'options.pollIntervalSeconds': 3601 }))).toContain('got 3601');
		expect(refusal(read({ 'options.timeoutSeconds': 86_401 }))).toBe(
			'"Timeout (Seconds)" must be a number from 0 to 86400, got 86401',
		);
	});
});

describe('fields as the editor shows them', () => {
	it('Poll Interval and the timeout, by default named Timeout (Seconds)', () => {
		expect(pollOptionFields({ timeoutDescription: 'How long to wait' })).toEqual([
			{
				displayName: 'Poll Interval (Seconds)',
				name: 'pollIntervalSeconds',
				type: 'number',
				typeOptions: { minValue: 0.1, maxValue: 3600, numberPrecision: 1 },
				default: 5,
				description: 'How long to pause between two looks',
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 86_400 },
				default: 300,
				description: 'How long to wait',
			},
		]);
	});

	it('an Options collection around the given options', () => {
		const option = { displayName: 'A', name: 'a', type: 'string' as const, default: '' };
		expect(optionsCollection([option])).toEqual({
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [option],
		});
	});

	it('the Target of an Upload Binary operation, from the item by default', () => {
		expect(uploadTargetField('hint text', 'description text')).toEqual({
			displayName: 'Target',
			name: 'target',
			type: 'json',
			default: '={{ $json.target }}',
			required: true,
			hint: 'hint text',
			description: 'description text',
		});
	});

	it("an operation's fields show only for its resource and operation", () => {
		const [field] = operationFields('image', 'upload', [
			{ displayName: 'A', name: 'a', type: 'string', default: '' },
		]);
		expect(field.displayOptions).toEqual({ show: { resource: ['image'], operation: ['upload'] } });
	});
});
