import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { uploadItem } from '../shared/items';

interface NameValue {
	name: string;
	value: string;
}

function nameValues(
	ctx: IExecuteFunctions,
	parameter: string,
	itemIndex: number,
): Record<string, string> {
	const rows = ctx.getNodeParameter(parameter, itemIndex, []) as NameValue[];
	return Object.fromEntries(
		rows.filter((row) => row.name !== '').map((row) => [row.name, row.value]),
	);
}

/** The target as the user gave it: one object, or built from the single fields. */
function readTarget(ctx: IExecuteFunctions, itemIndex: number): unknown {
	if (ctx.getNodeParameter('targetSource', itemIndex) === 'object') {
		return ctx.getNodeParameter('target', itemIndex);
	}
	const method = ctx.getNodeParameter('method', itemIndex) as string;
	if (method === 'MULTIPART') {
		return {
			method,
			parts: ctx.getNodeParameter('partUrls', itemIndex),
			partSize: ctx.getNodeParameter('partSize', itemIndex),
			completeUrl: ctx.getNodeParameter('completeUrl', itemIndex, ''),
			abortUrl: ctx.getNodeParameter('abortUrl', itemIndex, ''),
		};
	}
	const url = ctx.getNodeParameter('url', itemIndex);
	if (method === 'POST')
		return { method, url, fields: nameValues(ctx, 'formFields.field', itemIndex) };
	return { method, url, headers: nameValues(ctx, 'headers.header', itemIndex) };
}

export async function upload(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return await uploadItem(this, itemIndex, readTarget(this, itemIndex));
}
