import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_TRANSFER_OPTIONS, type TransferOptions } from '../transfer';

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

export const keepBinaryOption: INodeProperties = {
	displayName: 'Keep Binary',
	name: 'keepBinary',
	type: 'boolean',
	default: true,
	description: 'Whether to pass the input binary on to the next node',
};

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

/** Options shared by every operation that sends bytes; they live in each node's "Options" collection. */
export const transferOptionFields: INodeProperties[] = [
	{
		displayName: 'Items at Once',
		name: 'itemsAtOnce',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 50 },
		default: 1,
		description: 'How many items to upload at the same time. Output order stays the input order.',
	},
	keepBinaryOption,
	{
		displayName: 'Max Attempts',
		name: 'maxAttempts',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10 },
		default: 4,
		description:
			'Tries per request, the first included. Network errors, 5xx and 429 answers are retried with a growing pause; other errors are not.',
	},
	{
		displayName: 'Parts at Once',
		name: 'partConcurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 16 },
		default: 4,
		description:
			'For multipart uploads: how many parts are sent at the same time. Memory use is about (this + 1) × part size.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 120,
		description: 'How long a request may wait without any progress before it counts as failed',
	},
];

export function readTransferOptions(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Partial<TransferOptions> {
	const option = (name: string, fallback: number) =>
		Number(ctx.getNodeParameter(`options.${name}`, itemIndex, fallback));
	return {
		maxAttempts: option('maxAttempts', DEFAULT_TRANSFER_OPTIONS.maxAttempts),
		partConcurrency: option('partConcurrency', DEFAULT_TRANSFER_OPTIONS.partConcurrency),
		timeoutMs: option('timeoutSeconds', DEFAULT_TRANSFER_OPTIONS.timeoutMs / 1000) * 1000,
	};
}

export function keepsBinary(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return ctx.getNodeParameter('options.keepBinary', itemIndex, true) as boolean;
}
