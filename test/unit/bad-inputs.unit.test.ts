// The bad-input table: inputs a user can get wrong on every node, each refused before any
// request (nock allows no connection and has no interceptor), with a message that names the item
// and the field and says what to change. One row per case, one runner.
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import type { NodeSpec } from '../support/engine';
import { useNockedEngine } from '../support/nock';
import { DEFAULT_API_KEY as CLOSIENT_KEY } from '../support/emulators/closient';

const UUID = '8e61c991-553a-4a58-9eb6-561b64c11908';
const SIDE = '3c14e504-8134-11ef-9e85-02d0d7ecc26b';
const SESSION = '7pXk2mQ9rT4vW8yB3cD6fG';
const URL = 'https://storage.example.com/bucket/key?X-Amz-Signature=abc';

const CREDENTIALS: Record<string, ICredentialDataDecryptedObject> = {
	legitmarkApi: {
		apiKey: 'leo_key',
		baseUrl: 'https://api.legitmark.test',
		assetBaseUrl: 'https://asset.legitmark.test',
	},
	screeningEagleInspectApi: {
		baseUrl: 'https://inspect.test',
		token: 'token',
		authScheme: 'bearer',
	},
	siviApi: { apiKey: 'sivi_key', baseUrl: 'https://sivi.test/api/prod/v2', apiPlan: 'general' },
	closientApi: { apiKey: CLOSIENT_KEY, baseUrl: 'https://closient.test' },
	upscaylApi: { apiKey: 'upscayl-key', baseUrl: 'https://upscayl.test' },
};

const TYPES: Record<string, [type: string, credential?: string]> = {
	generic: ['presignedUpload'],
	legitmark: ['legitmark', 'legitmarkApi'],
	inspect: ['screeningEagleInspect', 'screeningEagleInspectApi'],
	sivi: ['sivi', 'siviApi'],
	closient: ['closientScanner', 'closientApi'],
	upscayl: ['upscayl', 'upscaylApi'],
};

interface File {
	fileName?: string;
	mimeType?: string;
	size?: number;
}

interface BadInput {
	node: keyof typeof TYPES;
	/** What is wrong, as the test's name. */
	case: string;
	parameters: INodeParameters;
	file?: File;
	/** Credential fields that override the good ones. */
	credential?: ICredentialDataDecryptedObject;
	/** The field the message must name. */
	field: string;
	/** What the message or its description must tell the user to do or to give. */
	fix: RegExp;
}

const JPEG: File = { fileName: 'photo.jpg', mimeType: 'image/jpeg' };
const PNG: File = { fileName: 'logo.png', mimeType: 'image/png' };
const GIF: File = { fileName: 'anim.gif', mimeType: 'image/gif' };

// ---- each node's one-step upload with good parameters, to change one at a time -------------

const legitmarkUpload = {
	resource: 'image',
	operation: 'uploadFile',
	serviceRequestId: UUID,
	sideId: SIDE,
};
const legitmarkCreate = {
	resource: 'serviceRequest',
	operation: 'create',
	referenceId: 'SKU-1',
	categoryId: UUID,
	typeId: UUID,
};
const inspectUpload = { resource: 'file', operation: 'uploadFile', assetId: UUID };
const siviMedia = { resource: 'media', operation: 'uploadFile', type: 'logo' };
const siviFont = { resource: 'font', operation: 'uploadFile' };
const closientUpload = {
	resource: 'photo',
	operation: 'uploadFile',
	sessionId: SESSION,
	photoType: 'front',
};
const closientRegister = {
	resource: 'photo',
	operation: 'complete',
	sessionId: SESSION,
	photoType: 'front',
	s3Key: 'scans/x.jpg',
};
const upscaylUpload = { resource: 'file', operation: 'uploadFile' };
const upscaylComplete = {
	resource: 'file',
	operation: 'complete',
	uploadId: 'u-1',
	path: 'uploads/x.png',
};
const generic = (target: unknown): INodeParameters => ({ target: target as never });
const genericFields = (fields: INodeParameters): INodeParameters => ({
	targetSource: 'fields',
	...fields,
});

/** The transfer options every uploading node shares, each out of its range. */
const optionCases = (
	node: BadInput['node'],
	parameters: INodeParameters,
	file: File,
): BadInput[] => [
	{
		node,
		case: 'Max Attempts of 0',
		parameters: { ...parameters, options: { maxAttempts: 0 } },
		file,
		field: '"Max Attempts"',
		fix: /must be a whole number from 1 to 10, got 0/,
	},
	{
		node,
		case: 'Timeout of 0 seconds',
		parameters: { ...parameters, options: { timeoutSeconds: 0 } },
		file,
		field: '"Timeout (Seconds)"',
		fix: /must be .* from 1 to 3600, got 0/,
	},
	{
		node,
		case: 'a binary field the item does not have',
		parameters: { ...parameters, binaryPropertyName: 'photo' },
		file,
		field: 'photo',
		fix: /binary|field/i,
	},
];

const BAD_INPUTS: BadInput[] = [
	// ---- Presigned Upload: target shapes ------------------------------------------------------
	{ node: 'generic', case: 'no target', parameters: generic(''), field: 'target', fix: /target/ },
	{
		node: 'generic',
		case: 'a target that is a word',
		parameters: generic('upload-here'),
		field: 'target',
		fix: /method|url|object/i,
	},
	{
		node: 'generic',
		case: 'a target that is cut-off JSON',
		parameters: generic('{"method": "PUT", "url": '),
		field: 'target',
		fix: /JSON|object/i,
	},
	{
		node: 'generic',
		case: 'method DELETE',
		parameters: generic({ method: 'DELETE', url: URL }),
		field: 'target.method',
		fix: /PUT|POST|MULTIPART/,
	},
	{
		node: 'generic',
		case: 'method given as a number',
		parameters: generic({ method: 1, url: URL }),
		field: 'target.method',
		fix: /PUT|POST|MULTIPART/,
	},
	{
		node: 'generic',
		case: 'a PUT without URL',
		parameters: generic({ method: 'PUT', headers: {} }),
		field: 'target.url',
		fix: /url/i,
	},
	{
		node: 'generic',
		case: 'an ftp URL',
		parameters: generic({ method: 'PUT', url: 'ftp://storage.example.com/key' }),
		field: 'target.url',
		fix: /http/i,
	},
	{
		node: 'generic',
		case: 'a relative URL',
		parameters: generic({ method: 'PUT', url: '/bucket/key' }),
		field: 'target.url',
		fix: /http/i,
	},
	{
		node: 'generic',
		case: 'a POST form that sets the file field itself',
		parameters: generic({
			method: 'POST',
			url: 'https://storage.example.com/bucket',
			fields: { key: 'k', file: 'x' },
		}),
		field: '"file"',
		fix: /must not be set in "target.fields"/,
	},
	{
		node: 'generic',
		case: 'a POST form field that is an object',
		parameters: generic({
			method: 'POST',
			url: 'https://storage.example.com/bucket',
			fields: { key: 'k', policy: { a: 1 } },
		}),
		field: 'target.fields',
		fix: /text|string/i,
	},
	{
		node: 'generic',
		case: 'a MULTIPART without parts',
		parameters: generic({ method: 'MULTIPART', partSize: 5 * 1024 * 1024 }),
		field: 'target.parts',
		fix: /part/,
	},
	{
		node: 'generic',
		case: 'a MULTIPART without part size',
		parameters: generic({ method: 'MULTIPART', parts: [URL] }),
		field: 'target.partSize',
		fix: /bytes|number/i,
	},
	{
		node: 'generic',
		case: 'a MULTIPART whose parts do not fit the file',
		parameters: generic({ method: 'MULTIPART', parts: [URL, URL], partSize: 5 * 1024 * 1024 }),
		file: { size: 100 },
		field: 'target.parts',
		fix: /part/,
	},
	{
		node: 'generic',
		case: 'a part size above 5 GiB',
		parameters: generic({ method: 'MULTIPART', parts: [URL], partSize: 2 ** 40 }),
		field: 'target.partSize',
		fix: /at most 5 GiB/,
	},
	{
		node: 'generic',
		case: 'an Authorization header for the storage',
		parameters: generic({ method: 'PUT', url: URL, headers: { Authorization: 'Bearer x' } }),
		field: 'Authorization',
		fix: /credential|presigned/i,
	},
	{
		node: 'generic',
		case: 'a header value with a line break',
		parameters: generic({ method: 'PUT', url: URL, headers: { 'Content-Type': 'a\r\nX-B: 1' } }),
		field: 'header "Content-Type"',
		fix: /line breaks or characters HTTP cannot carry/,
	},
	{
		node: 'generic',
		case: 'expiresAt as a word',
		parameters: generic({ method: 'PUT', url: URL, expiresAt: 'soon' }),
		field: 'target.expiresAt',
		fix: /ISO time such as/,
	},
	{
		node: 'generic',
		case: 'Fields: a URL mapped from a field the item lacks',
		parameters: genericFields({ method: 'PUT', url: '={{ $json.uploadUrl }}' }),
		field: '"target.url"',
		fix: /must be the presigned URL, got nothing/,
	},
	{
		node: 'generic',
		case: 'Items at Once of 51',
		parameters: { target: { method: 'PUT', url: URL } as never, options: { itemsAtOnce: 51 } },
		field: '"Items at Once"',
		fix: /from 1 to 50, got 51/,
	},
	...optionCases('generic', generic({ method: 'PUT', url: URL }), {}),

	// ---- Legitmark ---------------------------------------------------------------------------
	{
		node: 'legitmark',
		case: 'a Service Request ID that is not a UUID',
		parameters: { ...legitmarkUpload, serviceRequestId: 'SR-1042' },
		file: JPEG,
		field: '"Service Request ID"',
		fix: /must be a UUID such as/,
	},
	{
		node: 'legitmark',
		case: 'a Service Request ID mapped from a field the item lacks',
		parameters: { ...legitmarkUpload, serviceRequestId: '={{ $json.serviceRequestId }}' },
		file: JPEG,
		field: '"Service Request ID"',
		fix: /must be a UUID such as/,
	},
	{
		node: 'legitmark',
		case: 'a Side ID that is a side name',
		parameters: { ...legitmarkUpload, sideId: 'front' },
		file: JPEG,
		field: '"Side ID"',
		fix: /must be a UUID such as/,
	},
	{
		node: 'legitmark',
		case: 'a Side ID with the file extension',
		parameters: { ...legitmarkUpload, sideId: `${SIDE}.jpg` },
		file: JPEG,
		field: '"Side ID"',
		fix: /extension|without/i,
	},
	{
		node: 'legitmark',
		case: 'a GIF photo',
		parameters: legitmarkUpload,
		file: GIF,
		field: '"data"',
		fix: /accepts only .*jpg/,
	},
	{
		node: 'legitmark',
		case: 'an empty Reference ID',
		parameters: { ...legitmarkCreate, referenceId: '  ' },
		field: '"Reference ID"',
		fix: /must not be empty/,
	},
	{
		node: 'legitmark',
		case: 'a Category ID that is a name',
		parameters: { ...legitmarkCreate, categoryId: 'sneakers' },
		field: '"Category ID"',
		fix: /must be a UUID such as/,
	},
	{
		node: 'legitmark',
		case: 'a Type ID that is a number',
		parameters: { ...legitmarkCreate, typeId: 42 },
		field: '"Type ID"',
		fix: /must be a UUID such as/,
	},
	{
		node: 'legitmark',
		case: 'a Brand ID that is cut short',
		parameters: { ...legitmarkCreate, additionalFields: { brandId: UUID.slice(0, 30) } },
		field: '"Brand ID"',
		fix: /must be a UUID such as/,
	},
	...optionCases('legitmark', legitmarkUpload, JPEG),

	// ---- Screening Eagle Inspect -------------------------------------------------------------
	{
		node: 'inspect',
		case: 'an Asset ID that is a name',
		parameters: { ...inspectUpload, assetId: 'Bridge A4' },
		file: JPEG,
		field: '"Asset ID"',
		fix: /must be a UUID such as/,
	},
	{
		node: 'inspect',
		case: 'a hex SHA-256 where base64 is wanted',
		parameters: { ...inspectUpload, options: { sha256Base64: 'ab'.repeat(32) } },
		file: JPEG,
		field: '"SHA-256 (Base64)"',
		fix: /base64 \(44 characters ending in =\)/,
	},
	{
		node: 'inspect',
		case: 'a SHA-256 that is not a digest',
		parameters: { ...inspectUpload, options: { sha256Base64: 'not-a-hash' } },
		file: JPEG,
		field: '"SHA-256 (Base64)"',
		fix: /44 characters ending in =/,
	},
	{
		node: 'inspect',
		case: "a SHA-256 that is not the file's",
		parameters: {
			...inspectUpload,
			options: { sha256Base64: Buffer.alloc(32, 7).toString('base64') },
		},
		file: JPEG,
		field: '"SHA-256 (Base64)"',
		fix: /Leave the field empty/,
	},
	{
		node: 'inspect',
		case: 'a Content Type that is not a MIME type',
		parameters: { ...inspectUpload, options: { contentType: 'jpeg picture' } },
		file: JPEG,
		field: '"Content Type"',
		fix: /must be a MIME type such as image\/png/,
	},
	{
		node: 'inspect',
		case: 'a Complete Request Path without the leading slash',
		parameters: { ...inspectUpload, completeRequest: { path: 'file/upload/complete' } },
		file: JPEG,
		field: '"Complete Request Path"',
		fix: /must be a path starting with \//,
	},
	{
		node: 'inspect',
		case: 'a Complete Request Method it cannot send',
		parameters: { ...inspectUpload, completeRequest: { method: 'FETCH' } },
		file: JPEG,
		field: '"Complete Request Method"',
		fix: /must be one of/,
	},
	{
		node: 'inspect',
		case: 'a Complete Request Body that is not an object',
		parameters: { ...inspectUpload, completeRequest: { body: '["{fileId}"]' } },
		file: JPEG,
		field: 'Complete Request Body',
		fix: /must be a JSON object, for example/,
	},
	{
		node: 'inspect',
		case: 'a credential without Base URL',
		parameters: inspectUpload,
		file: JPEG,
		credential: { baseUrl: '' },
		field: '"Base URL"',
		fix: /credential/,
	},
	...optionCases('inspect', inspectUpload, JPEG),

	// ---- Sivi --------------------------------------------------------------------------------
	{
		node: 'sivi',
		case: 'a media type Sivi does not have',
		parameters: { ...siviMedia, type: 'banner' },
		file: PNG,
		field: '"Type"',
		fix: /must be one of/,
	},
	{
		node: 'sivi',
		case: 'a GIF as a logo',
		parameters: siviMedia,
		file: GIF,
		field: '"data"',
		fix: /logo type allows only/,
	},
	{
		node: 'sivi',
		case: 'a PNG as an illustration',
		parameters: { ...siviMedia, type: 'illustration' },
		file: PNG,
		field: '"data"',
		fix: /illustration type allows only svg/,
	},
	{
		node: 'sivi',
		case: 'an OpenType font',
		parameters: siviFont,
		file: { fileName: 'Brand.otf', mimeType: 'font/otf' },
		field: '"data"',
		fix: /font type allows only ttf/,
	},
	{
		node: 'sivi',
		case: 'a sub-type of another media type',
		parameters: { ...siviMedia, additionalFields: { subType: 'texture' } },
		file: PNG,
		field: 'Sub-Type',
		fix: /is not one of Sivi's logo sub-types/,
	},
	{
		node: 'sivi',
		case: 'Hue Rotations that are not numbers',
		parameters: { ...siviMedia, additionalFields: { hueRotations: '30, red' } },
		file: PNG,
		field: '"Hue Rotations"',
		fix: /must be numbers separated by commas/,
	},
	{
		node: 'sivi',
		case: 'an upload URL lifetime over the limit',
		parameters: { ...siviMedia, additionalFields: { expiresIn: 7200 } },
		file: PNG,
		field: 'Expires In',
		fix: /from 60 to 3600/,
	},
	{
		node: 'sivi',
		case: 'a credential API Plan Sivi does not have',
		parameters: siviMedia,
		file: PNG,
		credential: { apiPlan: 'gold' },
		field: '"API Plan"',
		fix: /must be general, enterprise, super/,
	},
	...optionCases('sivi', siviMedia, PNG),

	// ---- Closient Scanner --------------------------------------------------------------------
	{
		node: 'closient',
		case: 'a Session ID that is a UUID',
		parameters: { ...closientUpload, sessionId: UUID },
		file: JPEG,
		field: '"Session ID"',
		fix: /must be a Closient short ID \(22 letters and digits/,
	},
	{
		node: 'closient',
		case: 'a Session ID mapped from a field the item lacks',
		parameters: { ...closientUpload, sessionId: '={{ $json.sessionId }}' },
		file: JPEG,
		field: '"Session ID"',
		fix: /must be a Closient short ID/,
	},
	{
		node: 'closient',
		case: 'a Photo Type Closient does not have',
		parameters: { ...closientUpload, photoType: 'selfie' },
		file: JPEG,
		field: '"Photo Type"',
		fix: /must be one of .*front/,
	},
	{
		node: 'closient',
		case: 'Metadata that is not JSON',
		parameters: { ...closientUpload, registerFields: { metadata: '{sku: A-1}' } },
		file: JPEG,
		field: '"Metadata"',
		fix: /Give a JSON object, such as/,
	},
	{
		node: 'closient',
		case: 'Metadata that is a list',
		parameters: { ...closientUpload, registerFields: { metadata: '["A-1"]' } },
		file: JPEG,
		field: '"Metadata"',
		fix: /must be a JSON object/,
	},
	{
		node: 'closient',
		case: 'an API key without its prefix',
		parameters: closientUpload,
		file: JPEG,
		credential: { apiKey: 'SandboxScannerKey000000000000001' },
		field: 'API key',
		fix: /Copy the whole key again/,
	},
	{
		node: 'closient',
		case: 'an API key with a character changed',
		parameters: closientUpload,
		file: JPEG,
		credential: {
			apiKey: CLOSIENT_KEY.replace(/_(.)/, (_m, c: string) => `_${c === 'S' ? 'T' : 'S'}`),
		},
		field: 'API key',
		fix: /checksum .* Copy the whole key again/s,
	},
	{
		node: 'closient',
		case: 'Register Photo with an empty S3 Key',
		parameters: { ...closientRegister, s3Key: ' ' },
		field: '"S3 Key"',
		fix: /must not be empty/,
	},
	{
		node: 'closient',
		case: 'Register Photo with a negative file size',
		parameters: { ...closientRegister, fileSize: -1 },
		field: '"File Size (Bytes)"',
		fix: /must be .* from 0/,
	},
	...optionCases('closient', closientUpload, JPEG),

	// ---- Upscayl -----------------------------------------------------------------------------
	{
		node: 'upscayl',
		case: 'a GIF image',
		parameters: upscaylUpload,
		file: GIF,
		field: '"data"',
		fix: /upscales JPEG, PNG and WebP images/,
	},
	{
		node: 'upscayl',
		case: 'an empty image',
		parameters: upscaylUpload,
		file: { ...PNG, size: 0 },
		field: '"data"',
		fix: /100 MB|bytes/,
	},
	{
		node: 'upscayl',
		case: 'Complete Upload without parts',
		parameters: { ...upscaylComplete, parts: '[]' },
		field: '"Parts"',
		fix: /Map \{\{ \$json.upload.etags \}\}/,
	},
	{
		node: 'upscayl',
		case: 'Complete Upload with a part without ETag',
		parameters: { ...upscaylComplete, parts: '[{"partNumber": 1}]' },
		field: '"Parts"',
		fix: /needs a partNumber .* and an etag/,
	},
	{
		node: 'upscayl',
		case: 'Complete Upload with a part missing',
		parameters: {
			...upscaylComplete,
			parts: '[{"partNumber": 1, "etag": "a"}, {"partNumber": 3, "etag": "c"}]',
		},
		field: '"Parts"',
		fix: /part 2 is missing or repeated/,
	},
	{
		node: 'upscayl',
		case: 'Parts at Once of 17',
		parameters: { ...upscaylUpload, options: { partConcurrency: 17 } },
		file: PNG,
		field: '"Parts at Once"',
		fix: /from 1 to 16, got 17/,
	},
	...optionCases('upscayl', upscaylUpload, PNG),
];

const env = useNockedEngine('default');

function nodeOf(input: BadInput): NodeSpec {
	const [type, credential] = TYPES[input.node];
	return {
		name: 'Node',
		type,
		parameters: input.parameters,
		...(credential ? { credentials: { [credential]: { id: 'bad', name: 'bad inputs' } } } : {}),
	};
}

function credentialsOf(input: BadInput): Record<string, ICredentialDataDecryptedObject> {
	const credential = TYPES[input.node][1];
	if (!credential) return {};
	return { [credential]: { ...CREDENTIALS[credential], ...input.credential } };
}

it(`the table holds at least 60 cases across every node (${BAD_INPUTS.length})`, () => {
	expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(60);
	expect(new Set(BAD_INPUTS.map((input) => input.node))).toEqual(new Set(Object.keys(TYPES)));
});

describe.each(Object.keys(TYPES))('bad inputs: %s', (node) => {
	const cases = BAD_INPUTS.filter((input) => input.node === node).map(
		(input) => [input.case, input] as const,
	);

	it.each(cases)('%s: refused before any request, naming item and field', async (_case, input) => {
		const run = await env.engine.run({
			nodes: [
				{ name: 'Source', type: 'binarySource', parameters: { size: 2048, ...input.file } },
				nodeOf(input),
			],
			credentials: credentialsOf(input),
		});

		const error = run.error('Node') as (Error & { description?: string }) | undefined;
		expect({ name: error?.name, message: error?.message }).toEqual({
			name: 'NodeOperationError',
			message: expect.stringMatching(/ \[item 0\]$/),
		});
		expect(error?.message).toContain(input.field);
		expect(`${error?.message} ${error?.description ?? ''}`).toMatch(input.fix);
		expect(env.unexpected.count()).toBe(0);
	});
});
