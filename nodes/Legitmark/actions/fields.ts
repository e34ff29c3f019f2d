import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertUuid } from '../helpers/ids';
import { keepBinaryOption, optionsCollection, transferOptionFields } from '../../shared/fields';

export const serviceRequestIdField: INodeProperties = {
	displayName: 'Service Request ID',
	name: 'serviceRequestId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 8e61c991-553a-4a58-9eb6-561b64c11908',
	description: 'The UUID of the service request (the uuid field Legitmark returns)',
};

/** The item's Service Request ID, checked to be a UUID before any request. */
export function readServiceRequestId(ctx: IExecuteFunctions, itemIndex: number): string {
	return assertUuid(ctx.getNodeParameter('serviceRequestId', itemIndex), 'Service Request ID');
}

export const sideIdField: INodeProperties = {
	displayName: 'Side ID',
	name: 'sideId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. ec883c70-f896-47c9-81b6-8d6ff0b5856a',
	description:
		'The UUID of the side this photo shows, from the sides of the service request. The file extension is added from the binary.',
};

/** For operations that only pass the photo along: whether to keep it. */
export const keepBinaryOptionsField = optionsCollection([keepBinaryOption]);

/** Every transfer option except part concurrency: Legitmark uploads are one PUT each. */
export const uploadOptionsField = optionsCollection(
	transferOptionFields.filter((option) => option.name !== 'partConcurrency'),
);
