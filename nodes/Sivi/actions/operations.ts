import type { OperationTable } from '../../shared/itemLoop';
import * as font from './font/Font.resource';
import * as media from './media/Media.resource';

export const siviOperations: OperationTable = {
	media: {
		uploadFile: media.uploadFile.execute,
		getUploadUrl: media.getUploadUrl.execute,
		uploadBinary: media.uploadBinary.execute,
		complete: media.complete.execute,
	},
	font: {
		uploadFile: font.uploadFile.execute,
		complete: font.complete.execute,
	},
};
