// Test-only nodes for in-process workflows: a binary source and a field setter.
import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { truncateSync } from 'node:fs';

import { storedBinaryPath } from './binary';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternBuffer, patternStream } = require('../../sandbox/bytes');

export function testNode(
	name: string,
	properties: INodeTypeDescription['properties'],
): INodeTypeDescription {
	return {
		displayName: name,
		name,
		group: ['transform'],
		version: 1,
		description: name,
		defaults: { name },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties,
	};
}

function parsed<T>(value: unknown): T {
	return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * Makes `count` items, each with a deterministic binary of `size` bytes (seed = item index + 1).
 * `missing` lists item indexes that get no binary. In filesystem mode the bytes are streamed into
 * n8n's binary store, in default mode they are kept inline, as n8n itself does. `storedBytes` (in
 * filesystem mode) then cuts each stored file to that many bytes while its size stays recorded.
 */
export class BinarySource implements INodeType {
	description = testNode('binarySource', [
		{ displayName: 'Count', name: 'count', type: 'number', default: 1 },
		{ displayName: 'Size', name: 'size', type: 'number', default: 1 },
		{ displayName: 'File Name', name: 'fileName', type: 'string', default: 'file.bin' },
		{
			displayName: 'MIME Type',
			name: 'mimeType',
			type: 'string',
			default: 'application/octet-stream',
		},
		{ displayName: 'Missing', name: 'missing', type: 'json', default: '[]' },
		{ displayName: 'JSON', name: 'json', type: 'json', default: '{}' },
		{ displayName: 'JSON per Item', name: 'perItem', type: 'json', default: '[]' },
		{ displayName: 'Stored Bytes', name: 'storedBytes', type: 'number', default: -1 },
	]);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const count = this.getNodeParameter('count', 0) as number;
		const size = this.getNodeParameter('size', 0) as number;
		const fileName = this.getNodeParameter('fileName', 0) as string;
		const mimeType = this.getNodeParameter('mimeType', 0) as string;
		const missing = parsed<number[]>(this.getNodeParameter('missing', 0, []));
		const extra = parsed<IDataObject>(this.getNodeParameter('json', 0, {}));
		const perItem = parsed<IDataObject[]>(this.getNodeParameter('perItem', 0, []));
		const storedBytes = this.getNodeParameter('storedBytes', 0, -1) as number;
		const inline = process.env.N8N_DEFAULT_BINARY_DATA_MODE === 'default';
		const items: INodeExecutionData[] = [];
		for (let index = 0; index < count; index++) {
			const json = { ...extra, ...perItem[index], index, seed: index + 1 };
			if (missing.includes(index)) {
				items.push({ json, pairedItem: { item: 0 } });
				continue;
			}
			const content = inline ? patternBuffer(size, index + 1) : patternStream(size, index + 1);
			const data = await this.helpers.prepareBinaryData(content, fileName, mimeType);
			// Cut short behind n8n's back, as a full disk or a cleanup could.
			if (storedBytes >= 0 && data.id) truncateSync(storedBinaryPath(data.id), storedBytes);
			items.push({ json, binary: { data }, pairedItem: { item: 0 } });
		}
		return [items];
	}
}

/** Sets fields from parameters: `fields` is an object whose values may be expressions. */
export class SetFields implements INodeType {
	description = testNode('setFields', [
		{ displayName: 'Fields', name: 'fields', type: 'json', default: '{}' },
	]);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((item, index) => ({
				json: { ...item.json, ...(this.getNodeParameter('fields', index) as IDataObject) },
				binary: item.binary,
				pairedItem: { item: index },
			})),
		];
	}
}
