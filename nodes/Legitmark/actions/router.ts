import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/router';
import * as image from './image/Image.resource';
import * as serviceRequest from './serviceRequest/ServiceRequest.resource';

const OPERATIONS: Record<string, Record<string, ItemOperation>> = {
	image: {
		uploadFile: image.uploadFile.execute,
		getUploadUrl: image.getUploadUrl.execute,
		uploadBinary: image.uploadBinary.execute,
	},
	serviceRequest: {
		create: serviceRequest.create.execute,
		get: serviceRequest.get.execute,
		waitForRequirements: serviceRequest.waitForRequirements.execute,
		complete: serviceRequest.complete.execute,
	},
};

/** The per-item function for the node's resource and operation. */
export function operationFor(
	this: IExecuteFunctions,
	resource: string,
	operation: string,
): ItemOperation {
	const operations = OPERATIONS[resource];
	if (!operations) {
		throw new NodeOperationError(this.getNode(), `The resource "${resource}" is not known`);
	}
	const run = operations[operation];
	if (!run) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not known for the resource "${resource}"`,
		);
	}
	return run;
}
