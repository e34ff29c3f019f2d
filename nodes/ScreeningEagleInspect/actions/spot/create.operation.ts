import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ApiError } from '../../../shared/errors';
import { operationFields } from '../../../shared/fields';
import { uuidOf } from '../../../shared/ids';
import type { ItemOperation } from '../../../shared/itemLoop';
import { outputItem } from '../../../shared/items';
import { asObject, nonEmptyText } from '../../../transfer';
import { ATTACHMENT_TYPES, attachmentOf, type AttachmentInput } from '../../helpers/attachments';
import { jsonObjectOf } from '../../helpers/jsonObject';
import { millisecondsOf } from '../../helpers/timestamps';
import { screeningEagle } from '../../transport';
import { assetIdField, keepBinaryOptionsField, readAssetId } from '../fields';

export const SPOT_PATH = '/api/inspect/v1/spot';

const properties: INodeProperties[] = [
	assetIdField,
	{
		displayName: 'Spot Template ID',
		name: 'spotTemplateId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6',
		description: 'The UUID of the spot template the spot follows',
	},
	{
		displayName: 'Complete',
		name: 'complete',
		type: 'boolean',
		default: false,
		description: 'Whether the spot is finalised; off keeps it open for more input',
	},
	{
		displayName: 'Attachments',
		name: 'attachments',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attachment',
		default: {},
		description:
			'Files uploaded with Upload File. To attach the files of several items to one spot, add one attachment per file, each reading its item of the upload node, and turn on Execute Once.',
		options: [
			{
				displayName: 'Attachment',
				name: 'attachment',
				values: [
					{
						displayName: 'Created At',
						name: 'createdAt',
						type: 'dateTime',
						default: '',
						description: 'When the photo or document was made. Empty: now.',
					},
					{
						displayName: 'File ID',
						name: 'fileId',
						type: 'string',
						default: '={{ $json.fileId }}',
						description: 'The fileId output of Upload File',
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '={{ $json.name }}',
					},
					{
						displayName: 'Remarks',
						name: 'remarks',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: ATTACHMENT_TYPES.map(({ name, value }) => ({ name, value })),
						default: 1,
					},
				],
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Created At',
				name: 'createdAt',
				type: 'dateTime',
				default: '',
				description: 'When the spot was recorded. Empty: now.',
			},
			{
				displayName: 'Spot Fields (JSON)',
				name: 'fields',
				type: 'json',
				default: '{}',
				description: "The spot's field values: an object of spot field ID → value",
			},
		],
	},
	keepBinaryOptionsField,
];

export const description = operationFields('spot', 'create', properties);

function requestBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const now = Date.now();
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const listed = ctx.getNodeParameter('attachments.attachment', itemIndex, []) as AttachmentInput[];
	return {
		assetID: readAssetId(ctx, itemIndex),
		spotTemplateID: uuidOf(ctx.getNodeParameter('spotTemplateId', itemIndex), 'Spot Template ID'),
		complete: ctx.getNodeParameter('complete', itemIndex, false) === true,
		fields: jsonObjectOf(extra.fields, 'Spot Fields (JSON)', '{"<spot field ID>": "high"}') ?? {},
		createdAt: millisecondsOf(extra.createdAt, 'Created At', now),
		attachments: listed.map((attachment, index) => attachmentOf(attachment, index + 1, now)),
	};
}

/** Creates a spot on the asset with the listed files attached; outputs spotId. */
export const execute: ItemOperation = async function (itemIndex) {
	const body = requestBody(this, itemIndex);
	const answer = await screeningEagle.request(this, { method: 'POST', path: SPOT_PATH, body });
	const data = asObject(answer.data) ?? {};
	const spotId = nonEmptyText(data.id);
	if (!spotId) {
		throw new ApiError('Screening Eagle Inspect answered the spot creation without a spot id', {
			description: `It answered: ${JSON.stringify(answer).slice(0, 200)}`,
		});
	}
	const input = this.getInputData()[itemIndex];
	return outputItem(this, itemIndex, {
		...input.json,
		...data,
		spotId,
		attachments: body.attachments,
	});
};
