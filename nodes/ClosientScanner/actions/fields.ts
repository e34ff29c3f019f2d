import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import { keepBinaryOption, optionsCollection, transferOptionFields } from '../../shared/fields';
import { isObject } from '../../transfer';
import { assertShortId } from '../helpers/ids';
import { photoTypeOptions } from '../helpers/photoTypes';

export const sessionIdField: INodeProperties = {
	displayName: 'Session ID',
	name: 'sessionId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 7pXk2mQ9rT4vW8yB3cD6fG',
	description: "The scan session's short ID (sessionId in the output of Session → Create)",
};

/** The item's Session ID, checked to be a short ID before any request. */
export function readSessionId(ctx: IExecuteFunctions, itemIndex: number): string {
	return assertShortId(ctx.getNodeParameter('sessionId', itemIndex), 'Session ID');
}

export const photoTypeField: INodeProperties = {
	displayName: 'Photo Type',
	name: 'photoType',
	type: 'options',
	options: photoTypeOptions,
	default: 'other',
	description:
		'What the photo shows. Closient routes each photo to the matching extractor (nutrition, ingredients, …).',
};

/** For operations that only pass the item along: whether to keep its binary. */
export const keepBinaryOptionsField = optionsCollection([keepBinaryOption]);

/** Every transfer option except part concurrency: a photo is one POST form. */
export const uploadOptionsField = optionsCollection(
	transferOptionFields.filter((option) => option.name !== 'partConcurrency'),
);

const JSON_HINT = 'Give a JSON object, such as {"sku": "A-1"}.';

const NOT_JSON = Symbol('not JSON');

/** The parsed text, or a marker that it is no JSON at all. */
function parsedJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return NOT_JSON;
	}
}

/** A JSON parameter that must hold an object: given as text or, through an expression, as is. */
export function readJsonObject(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	label: string,
): IDataObject | undefined {
	const raw = ctx.getNodeParameter(parameter, itemIndex, '') as unknown;
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		return undefined;
	}
	const value = typeof raw === 'string' ? parsedJson(raw) : raw;
	if (value === NOT_JSON) throw new InputError(label, `"${label}" is not valid JSON`, JSON_HINT);
	if (!isObject(value)) {
		throw new InputError(label, `"${label}" must be a JSON object`, JSON_HINT);
	}
	return value;
}

export const registerFieldsField: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'registerFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Capture Short ID',
			name: 'captureShortId',
			type: 'string',
			default: '',
			description: 'Links the photo to a barcode capture of the session',
		},
		{
			displayName: 'Metadata',
			name: 'metadata',
			type: 'json',
			default: '{}',
			description: 'Your own key-value pairs stored with the photo',
		},
	],
};

/** The optional body fields of Register Photo, from "Additional Fields". */
export function readRegisterFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields: IDataObject = {};
	const capture = ctx.getNodeParameter('registerFields.captureShortId', itemIndex, '') as string;
	if (capture) fields.capture_short_id = assertShortId(capture, 'Capture Short ID');
	const metadata = readJsonObject(ctx, itemIndex, 'registerFields.metadata', 'Metadata');
	if (metadata && Object.keys(metadata).length > 0) fields.metadata = metadata;
	return fields;
}
