import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { executeEach } from '../shared/itemLoop';
import { presignedUploadProperties } from './properties';
import { upload } from './upload.operation';

export class PresignedUpload implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Presigned Upload',
		name: 'presignedUpload',
		icon: {
			light: 'file:../../icons/presignedUpload.svg',
			dark: 'file:../../icons/presignedUpload.dark.svg',
		},
		group: ['output'],
		version: 1,
		subtitle:
			'={{"Upload to " + ($parameter["targetSource"] === "fields" ? $parameter["method"] : "target")}}',
		description: 'Upload a binary file to any presigned URL: PUT, S3 POST form or S3 multipart',
		defaults: { name: 'Presigned Upload' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: presignedUploadProperties,
	};

	execute = executeEach(upload);
}
