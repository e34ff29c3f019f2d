import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { executeRouted } from '../shared/itemLoop';
import { siviOperations } from './actions/operations';
import { siviProperties } from './actions/properties';

export class Sivi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sivi',
		name: 'sivi',
		icon: { light: 'file:../../icons/sivi.svg', dark: 'file:../../icons/sivi.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Upload brand photos, logos, illustrations and fonts to Sivi and register them for its designs',
		defaults: { name: 'Sivi' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'siviApi',
				required: true,
				// Uploading to a target already obtained needs no key: the URL is its own authorisation.
				displayOptions: { hide: { operation: ['uploadBinary'] } },
			},
		],
		properties: siviProperties,
	};

	execute = executeRouted(siviOperations);
}
