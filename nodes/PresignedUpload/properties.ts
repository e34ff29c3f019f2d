import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, optionsCollection, transferOptionFields } from '../shared/fields';

/** A list of name/value rows (headers, form fields), shown in Fields mode for one method. */
function nameValueRows(spec: {
	displayName: string;
	name: string;
	row: { name: string; displayName: string };
	placeholder: string;
	description: string;
	method: string;
}): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: spec.placeholder,
		description: spec.description,
		displayOptions: { show: { targetSource: ['fields'], method: [spec.method] } },
		options: [
			{
				...spec.row,
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

const showForFields = { show: { targetSource: ['fields'] } };

export const presignedUploadProperties: INodeProperties[] = [
	binaryPropertyField,
	{
		displayName: 'Target',
		name: 'targetSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Target Object',
				value: 'object',
				description:
					'One object describing the upload, e.g. from a provider node or an HTTP Request',
			},
			{ name: 'Fields', value: 'fields', description: 'Method, URL and the rest, one field each' },
		],
		default: 'object',
	},
	{
		displayName: 'Target Object',
		name: 'target',
		type: 'json',
		default: '={{ $json.target }}',
		required: true,
		displayOptions: { show: { targetSource: ['object'] } },
		hint: "{ method: 'PUT', url, headers } | { method: 'POST', url, fields } | { method: 'MULTIPART', parts: [{ partNumber, url }], partSize, completeUrl?, abortUrl? }",
		description: 'Where and how to upload. Provider nodes of this package output it as "target".',
	},
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'PUT', value: 'PUT', description: 'One request with the file as the body' },
			{
				name: 'POST Form (S3 Policy)',
				value: 'POST',
				description: 'A multipart/form-data form: the policy fields, then the file',
			},
			{
				name: 'Multipart (S3 Parts)',
				value: 'MULTIPART',
				description: 'One presigned URL per part',
			},
		],
		default: 'PUT',
		displayOptions: showForFields,
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://bucket.s3.amazonaws.com/key?X-Amz-Signature=…',
		displayOptions: { show: { targetSource: ['fields'], method: ['PUT', 'POST'] } },
	},
	nameValueRows({
		displayName: 'Headers',
		name: 'headers',
		row: { name: 'header', displayName: 'Header' },
		placeholder: 'Add Header',
		description:
			'Exactly the headers the URL was signed with, e.g. Content-Type. Content-Length is set from the file.',
		method: 'PUT',
	}),
	nameValueRows({
		displayName: 'Form Fields',
		name: 'formFields',
		row: { name: 'field', displayName: 'Field' },
		placeholder: 'Add Field',
		description:
			'The fields of the presigned POST (key, policy, x-amz-signature, …). The file is added last.',
		method: 'POST',
	}),
	{
		displayName: 'Part URLs',
		name: 'partUrls',
		type: 'json',
		default: '[]',
		required: true,
		description: 'A list of presigned part URLs in part order, or of { partNumber, URL } objects',
		displayOptions: { show: { targetSource: ['fields'], method: ['MULTIPART'] } },
	},
	{
		displayName: 'Part Size (Bytes)',
		name: 'partSize',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 8388608,
		required: true,
		description: 'The size every part but the last must have; the part URLs must match it',
		displayOptions: { show: { targetSource: ['fields'], method: ['MULTIPART'] } },
	},
	{
		displayName: 'Complete URL',
		name: 'completeUrl',
		type: 'string',
		default: '',
		description:
			'Optional presigned S3 CompleteMultipartUpload URL. Leave empty to complete the upload in a later step with the ETags from the output.',
		displayOptions: { show: { targetSource: ['fields'], method: ['MULTIPART'] } },
	},
	{
		displayName: 'Abort URL',
		name: 'abortUrl',
		type: 'string',
		default: '',
		description:
			'Optional presigned S3 AbortMultipartUpload URL. When given, a failed upload is aborted so its parts do not stay stored.',
		displayOptions: { show: { targetSource: ['fields'], method: ['MULTIPART'] } },
	},
	optionsCollection(transferOptionFields),
];
