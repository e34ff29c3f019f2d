import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { executeRouted } from '../shared/itemLoop';
import { closientOperations } from './actions/operations';
import { closientProperties } from './actions/properties';

export class ClosientScanner implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Closient Scanner',
		name: 'closientScanner',
		icon: {
			light: 'file:../../icons/closient.svg',
			dark: 'file:../../icons/closient.dark.svg',
		},
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Upload product photos to Closient scan sessions through presigned POST forms, register them and submit the session',
		defaults: { name: 'Closient Scanner' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'closientApi',
				required: true,
				// Uploading with a form already obtained needs no key: the signed policy authorises it.
				displayOptions: { hide: { operation: ['uploadBinary'] } },
			},
		],
		properties: closientProperties,
	};

	execute = executeRouted(closientOperations);
}
