import type { IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../../nodes/shared/errors';
import { pollOptionFields, readPollOptions } from '../../nodes/shared/fields';

function parameters(values: Record<string, unknown>): IExecuteFunctions {
	return {
		getNodeParameter: (name: string, _item: number, fallback?: unknown) =>
			name in values ? values[name] : fallback,
	} as unknown as IExecuteFunctions;
}

const WAIT = {
	timeoutName: 'processingTimeoutSeconds',
	timeoutLabel: 'Processing Timeout (Seconds)',
	timeoutDescription: 'How long to wait',
};

describe('poll options', () => {
	it('names the timeout as asked, beside Poll Interval', () => {
		const [interval, timeout] = pollOptionFields(WAIT);
		expect(interval).toMatchObject({ name: 'pollIntervalSeconds', default: 5 });
		expect(timeout).toMatchObject({
			name: 'processingTimeoutSeconds',
			displayName: 'Processing Timeout (Seconds)',
			default: 300,
			description: 'How long to wait',
		});
		expect(pollOptionFields({ timeoutDescription: 'x' })[1].name).toBe('timeoutSeconds');
	});

	it('reads both in milliseconds, with the defaults when unset', () => {
		expect(readPollOptions(parameters({}), 0, WAIT)).toEqual({
			intervalMs: 5000,
			timeoutMs: 300_000,
		});
		const set = parameters({
			'options.pollIntervalSeconds': 0.5,
			'options.processingTimeoutSeconds': 0,
		});
		expect(readPollOptions(set, 0, WAIT)).toEqual({ intervalMs: 500, timeoutMs: 0 });
	});

	it('refuses values an expression brings out of range, naming the option', () => {
		const read = (values: Record<string, unknown>) => () =>
			readPollOptions(parameters(values), 0, WAIT);
		expect(read({ 'options.pollIntervalSeconds': 0 })).toThrow(InputError);
		expect(read({ 'options.processingTimeoutSeconds': -1 })).toThrow(
			'"Processing Timeout (Seconds)" must be a number from 0 to 86400, got -1',
		);
	});
});
