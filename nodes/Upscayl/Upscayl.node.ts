import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { executeRouted } from '../shared/itemLoop';
import { upscaylOperations } from './actions/operations';
import { upscaylProperties } from './actions/properties';

export class Upscayl implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Upscayl',
		name: 'upscayl',
		icon: { light: 'file:../../icons/upscayl.svg', dark: 'file:../../icons/upscayl.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Upscale images with Upscayl Cloud and get the upscaled image back as binary',
		defaults: { name: 'Upscayl' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'upscaylApi',
				required: true,
				// Uploading to part URLs already obtained needs no key: each URL is its own authorisation.
				displayOptions: { hide: { operation: ['uploadBinary'] } },
			},
		],
		properties: upscaylProperties,
	};

	execute = executeRouted(upscaylOperations);
}
