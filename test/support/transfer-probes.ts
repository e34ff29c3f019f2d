// Test-only nodes that run the engine's digest and download directly, so engine tests can drive
// them on the real WorkflowExecute before a provider node uses them.
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { Transform } from 'node:stream';

import { digestBinary, downloadBinary } from '../../nodes/transfer';
import { testNode } from './test-nodes';

/** `global.gc` when the test process runs with --expose-gc (test/run.js starts it so). */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

/**
 * The highest resident memory seen since it was made, sampled as chunks pass. Garbage is
 * collected before each sample, so the figure is what the code keeps alive (plus at most the few
 * chunks since the last sample), not how late V8 happens to free the chunks it has finished with.
 */
function rssPeak() {
	collectGarbage?.();
	const baseline = process.memoryUsage.rss();
	let peak = baseline;
	let samples = 0;
	return {
		sample: () => {
			// Every 8th chunk: enough to see a file held in memory, cheap enough on a busy machine.
			if (samples++ % 8 !== 0) return;
			collectGarbage?.();
			peak = Math.max(peak, process.memoryUsage.rss());
		},
		growth: () => peak - baseline,
		samples: () => samples,
		afterCollection: collectGarbage !== undefined,
	};
}

/** The node's context, with every binary stream it opens sampled for resident memory. */
function sampledContext(ctx: IExecuteFunctions, sample: () => void): IExecuteFunctions {
	const getBinaryStream: IExecuteFunctions['helpers']['getBinaryStream'] = async (id, size) => {
		const sampler = new Transform({
			transform(chunk, _encoding, callback) {
				sample();
				callback(null, chunk);
			},
		});
		return (await ctx.helpers.getBinaryStream(id, size)).pipe(sampler);
	};
	return Object.assign(Object.create(ctx) as IExecuteFunctions, {
		helpers: { ...ctx.helpers, getBinaryStream },
	});
}

/** Outputs `digestBinary` of the binary `data`, and how much resident memory grew meanwhile. */
export class DigestProbe implements INodeType {
	description = testNode('digestProbe', []);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		for (const [index, item] of this.getInputData().entries()) {
			const memory = rssPeak();
			const digest = await digestBinary(sampledContext(this, memory.sample), index, 'data');
			output.push({
				json: {
					...digest,
					rssGrowthBytes: memory.growth(),
					rssSamples: memory.samples(),
					rssAfterCollection: memory.afterCollection,
				},
				binary: item.binary,
				pairedItem: { item: index },
			});
		}
		return [output];
	}
}

/** Downloads `url` into the binary `data` with `downloadBinary` and outputs what it reported. */
export class DownloadProbe implements INodeType {
	description = testNode('downloadProbe', [
		{ displayName: 'URL', name: 'url', type: 'string', default: '' },
		{ displayName: 'Expected Bytes', name: 'expectedBytes', type: 'number', default: -1 },
		{ displayName: 'Max Bytes', name: 'maxBytes', type: 'number', default: -1 },
		{ displayName: 'File Name', name: 'fileName', type: 'string', default: '' },
	]);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		for (let index = 0; index < this.getInputData().length; index++) {
			const optional = (name: string) => {
				const value = this.getNodeParameter(name, index) as number;
				return value < 0 ? undefined : value;
			};
			const result = await downloadBinary(
				this,
				index,
				{
					url: this.getNodeParameter('url', index) as string,
					expectedBytes: optional('expectedBytes'),
					maxBytes: optional('maxBytes'),
					fileName: (this.getNodeParameter('fileName', index) as string) || undefined,
				},
				{ retryBaseDelayMs: 10 },
			);
			const { binary, ...report } = result;
			output.push({ json: { ...report }, binary: { data: binary }, pairedItem: { item: index } });
		}
		return [output];
	}
}
