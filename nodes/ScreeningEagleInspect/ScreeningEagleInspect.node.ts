import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { executeRouted } from '../shared/itemLoop';
import { screeningEagleOperations } from './actions/operations';
import { screeningEagleProperties } from './actions/properties';

export class ScreeningEagleInspect implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Screening Eagle Inspect',
		name: 'screeningEagleInspect',
		icon: {
			light: 'file:../../icons/screeningEagle.svg',
			dark: 'file:../../icons/screeningEagle.dark.svg',
		},
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Upload inspection photos and documents to Screening Eagle Inspect assets and attach them to spots',
		defaults: { name: 'Screening Eagle Inspect' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'screeningEagleInspectApi',
				required: true,
				// Uploading to a target already obtained needs no token: the URL is its own authorisation.
				displayOptions: { hide: { operation: ['uploadBinary'] } },
			},
		],
		properties: screeningEagleProperties,
	};

	execute = executeRouted(screeningEagleOperations);
}
