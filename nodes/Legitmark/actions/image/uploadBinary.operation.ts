import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	binaryPropertyField,
	operationFields,
	readBinaryPropertyName,
	uploadTargetField,
} from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { uploadItem } from '../../../shared/items';
import { isObject } from '../../../transfer';
import { CONTENT_TYPE_BY_EXTENSION, sideExtensionOf } from '../../helpers/sideFile';
import { uploadHeadersFor } from '../../helpers/uploadHeaders';
import { uploadOptionsField } from '../fields';

const properties: INodeProperties[] = [
	binaryPropertyField,
	uploadTargetField(
		"The target from Get Upload URL, or the bare URL of Legitmark's intent answer",
		"Where to upload: { method: 'PUT', URL, headers }. For a bare URL the headers are worked out from the URL's signed headers and the binary's type.",
	),
	uploadOptionsField,
];

export const description = operationFields('image', 'uploadBinary', properties);

/**
 * A target from Get Upload URL goes to the engine as it is. A bare presigned URL (or a target
 * without headers) gets the headers the URL was signed for, as Get Upload URL would have added.
 */
function withSignedHeaders(
	ctx: IExecuteFunctions,
	itemIndex: number,
	binaryPropertyName: string,
	value: unknown,
): unknown {
	const trimmed = typeof value === 'string' ? value.trim() : undefined;
	const bareUrl = trimmed !== undefined && /^https?:\/\//i.test(trimmed) ? trimmed : undefined;
	const headerless =
		isObject(value) &&
		typeof value.url === 'string' &&
		value.headers === undefined &&
		(value.method === undefined || String(value.method).toUpperCase() === 'PUT');
	if (bareUrl === undefined && !headerless) return value;

	const url = bareUrl ?? String((value as IDataObject).url);
	const binary = ctx.helpers.assertBinaryData(itemIndex, binaryPropertyName);
	const contentType = CONTENT_TYPE_BY_EXTENSION[sideExtensionOf(binary, binaryPropertyName)];
	const base = isObject(value) ? value : {};
	return { ...base, method: 'PUT', url, headers: uploadHeadersFor(url, contentType) };
}

/** Uploads the item's binary to the target found in the input (by default `$json.target`). */
export const execute: ItemOperation = async function (itemIndex) {
	const binaryPropertyName = readBinaryPropertyName(this, itemIndex);
	const target = withSignedHeaders(
		this,
		itemIndex,
		binaryPropertyName,
		this.getNodeParameter('target', itemIndex),
	);
	return await uploadItem(this, itemIndex, target);
};
