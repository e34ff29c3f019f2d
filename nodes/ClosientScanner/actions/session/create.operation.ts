import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { operationFields } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { outputItem } from '../../../shared/items';
import { sessionOf } from '../../helpers/session';
import { closient, SCANNER } from '../../transport';
import { keepBinaryOptionsField, readJsonObject } from '../fields';

const CAPTURE_MODES = ['barcode_scan', 'product_photography', 'both'];

const properties: INodeProperties[] = [
	{
		displayName: 'Capture Mode',
		name: 'captureMode',
		type: 'options',
		options: [
			{ name: 'Barcode Scan', value: 'barcode_scan' },
			{ name: 'Both', value: 'both' },
			{ name: 'Product Photography', value: 'product_photography' },
		],
		default: 'barcode_scan',
		description: 'What the session collects: barcode scans, product photos, or both',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Device Context',
				name: 'deviceContext',
				type: 'json',
				default: '{}',
				description: 'Facts about the scanning device, as a JSON object',
			},
			{
				displayName: 'Metadata',
				name: 'metadata',
				type: 'json',
				default: '{}',
				description:
					'Your own key-value pairs (at most 50 keys, keys up to 40 characters, values up to 500)',
			},
			{
				displayName: 'Organization Short ID',
				name: 'organizationShortId',
				type: 'string',
				default: '',
				description: "Left empty, Closient takes the API key's organization",
			},
			{
				displayName: 'User Agent',
				name: 'userAgent',
				type: 'string',
				default: '',
			},
		],
	},
	keepBinaryOptionsField,
];

export const description = operationFields('session', 'create', properties);

function requestBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const captureMode = String(ctx.getNodeParameter('captureMode', itemIndex, 'barcode_scan'));
	if (!CAPTURE_MODES.includes(captureMode)) {
		throw new InputError(
			'Capture Mode',
			`"Capture Mode" must be one of ${CAPTURE_MODES.join(', ')}, got ${JSON.stringify(captureMode)}`,
		);
	}
	const body: IDataObject = { capture_mode: captureMode };
	const metadata = readJsonObject(ctx, itemIndex, 'additionalFields.metadata', 'Metadata');
	if (metadata && Object.keys(metadata).length > 0) body.metadata = metadata;
	const device = readJsonObject(ctx, itemIndex, 'additionalFields.deviceContext', 'Device Context');
	if (device && Object.keys(device).length > 0) body.device_context = device;
	const organization = ctx.getNodeParameter('additionalFields.organizationShortId', itemIndex, '');
	if (organization) body.organization_short_id = String(organization).trim();
	const userAgent = ctx.getNodeParameter('additionalFields.userAgent', itemIndex, '');
	if (userAgent) body.user_agent = String(userAgent);
	return body;
}

/** Creates a scan session; its sessionId is what the photo operations take. */
export const execute: ItemOperation = async function (itemIndex) {
	const answer = await closient.request(this, {
		method: 'POST',
		path: `${SCANNER}/sessions`,
		body: requestBody(this, itemIndex),
	});
	return outputItem(this, itemIndex, sessionOf(answer, 'the new session'));
};
