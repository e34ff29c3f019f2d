import type { OperationTable } from '../../shared/itemLoop';
import * as photo from './photo/Photo.resource';
import * as session from './session/Session.resource';

export const closientOperations: OperationTable = {
	photo: {
		uploadFile: photo.uploadFile.execute,
		getUploadUrl: photo.getUploadUrl.execute,
		uploadBinary: photo.uploadBinary.execute,
		complete: photo.complete.execute,
	},
	session: {
		create: session.create.execute,
		get: session.get.execute,
		getStatus: session.getStatus.execute,
		submit: session.submit.execute,
	},
};
