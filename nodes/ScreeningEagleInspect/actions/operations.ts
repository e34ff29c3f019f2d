import type { OperationTable } from '../../shared/itemLoop';
import * as file from './file/File.resource';
import * as spot from './spot/Spot.resource';

export const screeningEagleOperations: OperationTable = {
	file: {
		uploadFile: file.uploadFile.execute,
		getUploadUrl: file.getUploadUrl.execute,
		uploadBinary: file.uploadBinary.execute,
		complete: file.complete.execute,
	},
	spot: {
		create: spot.create.execute,
		getAttachments: spot.getAttachments.execute,
	},
};
