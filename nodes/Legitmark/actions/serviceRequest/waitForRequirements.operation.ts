import {
	NodeApiError,
	NodeOperationError,
	sleep,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { keepBinaryOption, optionsCollection } from '../../../shared/descriptions';
import { outputItem } from '../../../shared/items';
import {
	describeProgress,
	missingRequiredSides,
	progressOf,
	serviceRequestOf,
} from '../../helpers/serviceRequest';
import { isFailure, legitmarkApiError, sendLegitmarkRequest } from '../../transport';
import { readServiceRequestId, serviceRequestIdField } from '../fields';
import { getServiceRequestCall } from './fetch';

const properties: INodeProperties[] = [
	serviceRequestIdField,
	optionsCollection([
		keepBinaryOption,
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollIntervalSeconds',
			type: 'number',
			typeOptions: { minValue: 0.1, numberPrecision: 1 },
			default: 5,
			description: 'How long to pause between two looks at the progress',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 300,
			description: 'How long to wait for the required sides before the item fails. 0 looks once.',
		},
	]),
];

const displayOptions = {
	show: { resource: ['serviceRequest'], operation: ['waitForRequirements'] },
};

export const description = updateDisplayOptions(displayOptions, properties);

/** `progress.met` when Legitmark sends it; otherwise whether every required side has an image. */
function requirementsMet(serviceRequest: IDataObject): boolean | undefined {
	const met = progressOf(serviceRequest)?.met;
	if (typeof met === 'boolean') return met;
	const sides = serviceRequest.sides as IDataObject | undefined;
	if (!Array.isArray(sides?.required)) return undefined;
	return missingRequiredSides(serviceRequest).length === 0;
}

/** Polls the service request until its required sides are all uploaded, or the timeout passes. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const serviceRequestId = readServiceRequestId(this, itemIndex);
	const timeoutMs = Number(this.getNodeParameter('options.timeoutSeconds', itemIndex, 300)) * 1000;
	const intervalMs = Math.max(
		100,
		Number(this.getNodeParameter('options.pollIntervalSeconds', itemIndex, 5)) * 1000,
	);
	const started = Date.now();
	const call = getServiceRequestCall(serviceRequestId, ['item', 'sides']);
	let last: IDataObject | undefined;

	for (;;) {
		const response = await sendLegitmarkRequest.call(this, call);
		// A rate limit while polling only delays the next look; every other failure ends the item.
		if (response.statusCode !== 429) {
			if (isFailure(response)) throw legitmarkApiError(this.getNode(), response, itemIndex);
			last = serviceRequestOf(response.body);
			const met = requirementsMet(last);
			if (met === undefined) {
				throw new NodeApiError(
					this.getNode(),
					{ message: 'Legitmark answered without the sides of the service request' },
					{
						message: 'Legitmark answered without the sides of the service request',
						description: 'The answer to GET /api/v2/sr/{uuid}?item=true&sides=true had no sides.',
						itemIndex,
					},
				);
			}
			if (met) {
				return outputItem(this, itemIndex, { ...last, waitedMs: Date.now() - started });
			}
		}
		if (Date.now() - started + intervalMs > timeoutMs) break;
		await sleep(intervalMs, this.getExecutionCancelSignal?.());
	}

	const state = last ? describeProgress(last) : 'Legitmark kept answering 429 (rate limited)';
	throw new NodeOperationError(
		this.getNode(),
		`Service request ${serviceRequestId} did not meet its requirements within ${timeoutMs / 1000} s: ${state}`,
		{
			description:
				'Upload the missing sides (Image → Upload File), or give them more time with the Timeout option.',
			itemIndex,
		},
	);
}
