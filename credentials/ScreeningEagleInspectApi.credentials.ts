import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/** The header the token travels in: `Authorization: Bearer <token>` or `<Header Name>: <token>`. */
export function screeningEagleAuthHeaders(
	credentials: ICredentialDataDecryptedObject,
): Record<string, string> {
	const token = String(credentials.token ?? '');
	if (credentials.authScheme === 'header') {
		const name = String(credentials.headerName ?? '').trim() || 'X-API-Key';
		return { [name]: token };
	}
	return { Authorization: `Bearer ${token}` };
}

export class ScreeningEagleInspectApi implements ICredentialType {
	name = 'screeningEagleInspectApi';

	displayName = 'Screening Eagle Inspect API';

	icon: Icon = {
		light: 'file:../icons/screeningEagle.svg',
		dark: 'file:../icons/screeningEagle.dark.svg',
	};

	documentationUrl =
		'https://docs-io.screeningeagle.com/docs/inspect-regional/file-upload-presigned';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://inspect-eu.example.com',
			description:
				'The regional Inspect API host of your workspace, without /api/inspect/v1. Screening Eagle publishes no default host.',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			hint: 'The API token Screening Eagle issued for your workspace',
		},
		{
			displayName: 'Send Token As',
			name: 'authScheme',
			type: 'options',
			options: [
				{ name: 'Authorization: Bearer <Token>', value: 'bearer' },
				{ name: 'A Named Header', value: 'header' },
			],
			default: 'bearer',
			hint: 'Screening Eagle does not publish its auth scheme; Bearer is assumed. Switch if your workspace uses a key header.',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-API-Key',
			displayOptions: { show: { authScheme: ['header'] } },
			description: 'The header that carries the token as it is, without a prefix',
		},
		{
			displayName: 'Asset ID for the Connection Test',
			name: 'testAssetId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6',
			description:
				'Any asset the token may read. The connection test lists its spot fields, since Screening Eagle publishes no endpoint that needs no ID.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, ...screeningEagleAuthHeaders(credentials) },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/api/inspect/v1/spot/field',
			qs: { assetID: '={{$credentials.testAssetId}}' },
		},
	};
}
