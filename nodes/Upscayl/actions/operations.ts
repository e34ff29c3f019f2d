import type { OperationTable } from '../../shared/itemLoop';
import * as file from './file/File.resource';
import * as task from './task/Task.resource';

export const upscaylOperations: OperationTable = {
	file: {
		uploadFile: file.uploadFile.execute,
		getUploadUrl: file.getUploadUrl.execute,
		uploadBinary: file.uploadBinary.execute,
		complete: file.complete.execute,
	},
	task: {
		start: task.start.execute,
		getStatus: task.getStatus.execute,
		upscaleFile: task.upscaleFile.execute,
	},
};
