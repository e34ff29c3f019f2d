import type { OperationTable } from '../../shared/itemLoop';
import * as image from './image/Image.resource';
import * as serviceRequest from './serviceRequest/ServiceRequest.resource';

export const legitmarkOperations: OperationTable = {
	image: {
		uploadFile: image.uploadFile.execute,
		getUploadUrl: image.getUploadUrl.execute,
		uploadBinary: image.uploadBinary.execute,
	},
	serviceRequest: {
		create: serviceRequest.create.execute,
		get: serviceRequest.get.execute,
		waitForRequirements: serviceRequest.waitForRequirements.execute,
		waitForResult: serviceRequest.waitForResult.execute,
		complete: serviceRequest.complete.execute,
	},
};
