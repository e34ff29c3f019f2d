import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeProperties,
} from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import { jsonObjectOf } from './jsonObject';
import type { ApiRequest } from '../../shared/apiClient';
import { isObject } from '../../transfer';

// ASSUMPTION: Screening Eagle names a "Complete File Upload" endpoint but publishes neither its
// method, path nor body. These defaults follow the presigned call's family; every part can be
// changed in the node.
export const ASSUMED_COMPLETE = {
	method: 'POST',
	path: '/api/inspect/v1/file/upload/complete',
	body: '{\n  "id": "{fileId}"\n}',
} as const;

const METHODS = ['POST', 'PUT', 'PATCH'];
const FILE_ID = /\{fileId\}/g;

export const completeAssumptionNotice: INodeProperties = {
	displayName:
		'Assumption: Screening Eagle does not publish its Complete File Upload call. The node sends POST /api/inspect/v1/file/upload/complete with the file ID in a JSON body; if your Inspect API answers 404, set its method, path and body under Complete Request.',
	name: 'completeAssumptionNotice',
	type: 'notice',
	default: '',
};

export const completeRequestField: INodeProperties = {
	displayName: 'Complete Request',
	name: 'completeRequest',
	type: 'collection',
	placeholder: 'Change the Assumed Call',
	default: {},
	hint: 'Assumed: Screening Eagle does not publish the Complete File Upload call. Without changes the node sends POST /api/inspect/v1/file/upload/complete with {"id": "<file ID>"}. Change it here if your Inspect API differs.',
	options: [
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			options: METHODS.map((method) => ({ name: method, value: method })),
			default: 'POST',
		},
		{
			displayName: 'Path',
			name: 'path',
			type: 'string',
			default: '/api/inspect/v1/file/upload/complete',
			description:
				'Below the Base URL of the credential. {fileId} is replaced by the file ID, e.g. /api/inspect/v1/file/{fileId}/complete.',
		},
		{
			displayName: 'Body',
			name: 'body',
			type: 'json',
			default: '{\n  "id": "{fileId}"\n}',
			description:
				'JSON sent with the call; {fileId} in any text value is replaced by the file ID. Empty: no body.',
		},
	],
};

function withFileId(value: unknown, fileId: string): unknown {
	if (typeof value === 'string') return value.replace(FILE_ID, fileId);
	if (Array.isArray(value)) return value.map((entry) => withFileId(entry, fileId));
	if (isObject(value)) {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, withFileId(entry, fileId)]),
		);
	}
	return value;
}

function bodyOf(raw: unknown, fileId: string): IDataObject | undefined {
	const body = jsonObjectOf(raw, 'Complete Request Body', '{"id": "{fileId}"}');
	return body === undefined ? undefined : (withFileId(body, fileId) as IDataObject);
}

function pathOf(raw: unknown, fileId: string): string {
	const path = typeof raw === 'string' ? raw.trim() : '';
	if (!path.startsWith('/') || /\s/.test(path)) {
		throw new InputError(
			'Complete Request Path',
			`"Complete Request Path" must be a path starting with /, such as ${ASSUMED_COMPLETE.path}, got "${path.slice(0, 80)}"`,
		);
	}
	return path.replace(FILE_ID, encodeURIComponent(fileId));
}

/**
 * The complete call from the node's Complete Request (the assumption by default), checked now,
 * before any request; the file ID is filled in once known.
 */
export function readCompleteRequest(
	ctx: IExecuteFunctions,
	itemIndex: number,
): (fileId: string) => ApiRequest<'api'> {
	const read = (name: keyof typeof ASSUMED_COMPLETE) =>
		ctx.getNodeParameter(`completeRequest.${name}`, itemIndex, ASSUMED_COMPLETE[name]);
	const method = String(read('method')).toUpperCase();
	if (!METHODS.includes(method)) {
		throw new InputError(
			'Complete Request Method',
			`"Complete Request Method" must be one of ${METHODS.join(', ')}, got "${method}"`,
		);
	}
	const path = read('path');
	const body = read('body');
	pathOf(path, '');
	bodyOf(body, '');
	return (fileId) => ({
		method: method as IHttpRequestMethods,
		path: pathOf(path, fileId),
		body: bodyOf(body, fileId),
	});
}
