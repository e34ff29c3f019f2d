import type { IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../../nodes/shared/errors';
import { readWaitSettings, waitOptionFields } from '../../nodes/shared/waitFields';

/** Only what the reader uses: parameters as an expression would hand them over. */
function parameters(values: Record<string, unknown>): IExecuteFunctions {
	return {
		getNodeParameter: (name: string, _item: number, fallback?: unknown) =>
			name in values ? values[name] : fallback,
	} as unknown as IExecuteFunctions;
}

describe('wait options', () => {
	it('name what is looked at and default to 5 s between looks and 300 s in all', () => {
		const [interval, timeout] = waitOptionFields('the request status');
		expect(interval.description).toBe('How long to pause between two looks at the request status');
		expect([interval.default, timeout.default]).toEqual([5, 300]);
		expect(readWaitSettings(parameters({}), 0)).toEqual({ intervalMs: 5000, timeoutMs: 300_000 });
	});

	it('read fractions of a second and a timeout of 0 (look once)', () => {
		const values = { 'options.pollIntervalSeconds': 0.5, 'options.waitTimeoutSeconds': '0' };
		expect(readWaitSettings(parameters(values), 0)).toEqual({ intervalMs: 500, timeoutMs: 0 });
	});

	it.each([
		[
			'options.pollIntervalSeconds',
			0,
			'"Poll Interval (Seconds)" must be a number from 0.1 to 3600, got 0',
		],
		[
			'options.waitTimeoutSeconds',
			-1,
			'"Wait Timeout (Seconds)" must be a number from 0 to 86400, got -1',
		],
		[
			'options.waitTimeoutSeconds',
			'soon',
			'"Wait Timeout (Seconds)" must be a number from 0 to 86400, got "soon"',
		],
	])('refuse %s = %j, naming the option and its range', (name, value, message) => {
		const read = () => readWaitSettings(parameters({ [name]: value }), 0);
		expect(read).toThrow(InputError);
		expect(read).toThrow(message);
	});
});
