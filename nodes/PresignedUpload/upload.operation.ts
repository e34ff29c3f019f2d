import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { keepsBinary, readTransferOptions } from '../shared/descriptions';
import { uploadBinary } from '../transfer';

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
	const item = this.getInputData()[itemIndex];
	const result = await uploadBinary(this, itemIndex, {
		binaryPropertyName: this.getNodeParameter('binaryPropertyName', itemIndex) as string,
		target: readTarget(this, itemIndex),
		options: readTransferOptions(this, itemIndex),
	});
	return [
		{
			json: { ...item.json, upload: result as unknown as IDataObject },
			binary: keepsBinary(this, itemIndex) ? item.binary : undefined,
			pairedItem: { item: itemIndex },
		},
	];
}
