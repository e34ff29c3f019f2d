import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { executeRouted } from '../shared/itemLoop';
import { legitmarkProperties } from './actions/properties';
import { legitmarkOperations } from './actions/operations';

export class Legitmark implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Legitmark',
		name: 'legitmark',
		icon: {
			light: 'file:../../icons/legitmark.svg',
			dark: 'file:../../icons/legitmark.dark.svg',
		},
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Upload item photos to the sides of a Legitmark service request and submit it for authentication',
		defaults: { name: 'Legitmark' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'legitmarkApi',
				required: true,
				// Uploading to a target already obtained needs no key: the URL is its own authorisation.
				displayOptions: { hide: { operation: ['uploadBinary'] } },
			},
		],
		properties: legitmarkProperties,
	};

	execute = executeRouted(legitmarkOperations);
}
