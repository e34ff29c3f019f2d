import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { DEFAULT_TRANSFER_OPTIONS, InputError, type TransferOptions } from '../transfer';

// Each shared field sits next to the function that reads it.

export const binaryPropertyField: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	placeholder: 'e.g. data',
	hint: 'The name of the input binary field containing the file to upload',
	description: "Find it in the Binary tab of the previous node's output",
};

export function readBinaryPropertyName(ctx: IExecuteFunctions, itemIndex: number): string {
	const name = ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data');
	if (typeof name !== 'string' || name.trim() === '') {
		throw new InputError(
			'Input Binary Field',
			'"Input Binary Field" must name the binary field that holds the file, for example data',
		);
	}
	return name.trim();
}

export interface NumberRange {
	min: number;
	max: number;
	/** Counts must be whole numbers. */
	integer?: boolean;
}

/**
 * A number parameter, checked at run time: an expression can hand over anything, and the editor's
 * minimum and maximum do not apply to it.
 */
export function readNumber(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	label: string,
	fallback: number,
	range: NumberRange,
): number {
	const raw = ctx.getNodeParameter(parameter, itemIndex, fallback);
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	const valid =
		typeof value === 'number' &&
		Number.isFinite(value) &&
		value >= range.min &&
		value <= range.max &&
		(!range.integer || Number.isInteger(value));
	if (valid) return value;
	const kind = range.integer ? 'a whole number' : 'a number';
	throw new InputError(
		label,
		`"${label}" must be ${kind} from ${range.min} to ${range.max}, got ${typeof raw === 'string' ? JSON.stringify(raw) : String(raw)}`,
	);
}

/** The "Options" collection of an operation; every node reads its options under `options.`. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

export const keepBinaryOption: INodeProperties = {
	displayName: 'Keep Binary',
	name: 'keepBinary',
	type: 'boolean',
	default: true,
	description: 'Whether to pass the input binary on to the next node',
};

export function keepsBinary(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return ctx.getNodeParameter('options.keepBinary', itemIndex, true) !== false;
}

const ITEMS_AT_ONCE = { min: 1, max: 50, integer: true };

export const itemsAtOnceOption: INodeProperties = {
	displayName: 'Items at Once',
	name: 'itemsAtOnce',
	type: 'number',
	typeOptions: { minValue: ITEMS_AT_ONCE.min, maxValue: ITEMS_AT_ONCE.max },
	default: 1,
	description: 'How many items to upload at the same time. Output order stays the input order.',
};

/** Read once per run, from the first item: it sets how the item loop runs. */
export function readItemsAtOnce(ctx: IExecuteFunctions): number {
	return readNumber(ctx, 0, 'options.itemsAtOnce', 'Items at Once', 1, ITEMS_AT_ONCE);
}

const MAX_ATTEMPTS = { min: 1, max: 10, integer: true };
const PARTS_AT_ONCE = { min: 1, max: 16, integer: true };
const TIMEOUT_SECONDS = { min: 1, max: 3600 };

/** Options shared by every operation that sends bytes; they live in each node's "Options" collection. */
export const transferOptionFields: INodeProperties[] = [
	itemsAtOnceOption,
	keepBinaryOption,
	{
		displayName: 'Max Attempts',
		name: 'maxAttempts',
		type: 'number',
		typeOptions: { minValue: MAX_ATTEMPTS.min, maxValue: MAX_ATTEMPTS.max },
		default: 4,
		description:
			'Tries per request, the first included. Network errors, 5xx and 429 answers are retried with a growing pause; other errors are not.',
	},
	{
		displayName: 'Parts at Once',
		name: 'partConcurrency',
		type: 'number',
		typeOptions: { minValue: PARTS_AT_ONCE.min, maxValue: PARTS_AT_ONCE.max },
		default: 4,
		description:
			'For multipart uploads: how many parts are sent at the same time. Memory use is about this × part size.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: TIMEOUT_SECONDS.min, maxValue: TIMEOUT_SECONDS.max },
		default: 120,
		description: 'How long a request may wait without any progress before it counts as failed',
	},
];

export function readTransferOptions(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Partial<TransferOptions> {
	const defaults = DEFAULT_TRANSFER_OPTIONS;
	const option = (name: string, label: string, fallback: number, range: NumberRange) =>
		readNumber(ctx, itemIndex, `options.${name}`, label, fallback, range);
	return {
		maxAttempts: option('maxAttempts', 'Max Attempts', defaults.maxAttempts, MAX_ATTEMPTS),
		partConcurrency: option(
			'partConcurrency',
			'Parts at Once',
			defaults.partConcurrency,
			PARTS_AT_ONCE,
		),
		timeoutMs:
			option('timeoutSeconds', 'Timeout (Seconds)', defaults.timeoutMs / 1000, TIMEOUT_SECONDS) *
			1000,
	};
}

/** An operation's fields, shown only while its resource and operation are the chosen ones. */
export function operationFields(
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return updateDisplayOptions(
		{ show: { resource: [resource], operation: [operation] } },
		properties,
	);
}

const POLL_INTERVAL_SECONDS = { min: 0.1, max: 3600 };
const POLL_TIMEOUT_SECONDS = { min: 0, max: 86_400 };

/** Defaults of the two wait options: a look every 5 s, for at most 5 minutes. */
const POLL_DEFAULTS = { intervalSeconds: 5, timeoutSeconds: 300 };

/** How an operation that waits for a remote state names its timeout option. */
export interface PollOptions {
	/** The timeout option's name: another than `timeoutSeconds` where transfer options sit beside it. */
	timeoutName?: string;
	timeoutLabel?: string;
	timeoutDescription: string;
}

function pollTimeoutOf(options: PollOptions) {
	return {
		name: options.timeoutName ?? 'timeoutSeconds',
		label: options.timeoutLabel ?? 'Timeout (Seconds)',
	};
}

/** Poll Interval and the wait's timeout, for an operation's Options collection. */
export function pollOptionFields(options: PollOptions): INodeProperties[] {
	const timeout = pollTimeoutOf(options);
	return [
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollIntervalSeconds',
			type: 'number',
			typeOptions: {
				minValue: POLL_INTERVAL_SECONDS.min,
				maxValue: POLL_INTERVAL_SECONDS.max,
				numberPrecision: 1,
			},
			default: 5,
			description: 'How long to pause between two looks',
		},
		{
			displayName: timeout.label,
			name: timeout.name,
			type: 'number',
			typeOptions: { minValue: POLL_TIMEOUT_SECONDS.min, maxValue: POLL_TIMEOUT_SECONDS.max },
			default: 300,
			description: options.timeoutDescription,
		},
	];
}

/** The poll settings (`pollUntil`'s interval and timeout, in ms), range-checked at run time. */
export function readPollOptions(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: PollOptions,
): { intervalMs: number; timeoutMs: number } {
	const timeout = pollTimeoutOf(options);
	const seconds = (name: string, label: string, fallback: number, range: NumberRange) =>
		readNumber(ctx, itemIndex, `options.${name}`, label, fallback, range) * 1000;
	return {
		intervalMs: seconds(
			'pollIntervalSeconds',
			'Poll Interval (Seconds)',
			POLL_DEFAULTS.intervalSeconds,
			POLL_INTERVAL_SECONDS,
		),
		timeoutMs: seconds(
			timeout.name,
			timeout.label,
			POLL_DEFAULTS.timeoutSeconds,
			POLL_TIMEOUT_SECONDS,
		),
	};
}

/** An Upload Binary operation's Target: by default the target Get Upload URL put in the item. */
export function uploadTargetField(hint: string, description: string): INodeProperties {
	return {
		displayName: 'Target',
		name: 'target',
		type: 'json',
		default: '={{ $json.target }}',
		required: true,
		hint,
		description,
	};
}
