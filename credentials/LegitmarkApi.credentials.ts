import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class LegitmarkApi implements ICredentialType {
	name = 'legitmarkApi';

	displayName = 'Legitmark API';

	icon: Icon = { light: 'file:../icons/legitmark.svg', dark: 'file:../icons/legitmark.dark.svg' };

	documentationUrl = 'https://docs.legitmark.com/partner/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			hint: 'Create one in Legitmark under Settings → Developer. It starts with leo_.',
		},
		{
			displayName:
				'This key does not start with leo_. Legitmark API keys do: check that the whole key was copied.',
			name: 'keyPrefixNotice',
			type: 'notice',
			default: '',
			displayOptions: {
				// A saved key comes back masked as __n8n_BLANK_VALUE…, which is no reason to warn.
				hide: {
					apiKey: [
						'',
						{ _cnd: { startsWith: 'leo_' } },
						{ _cnd: { startsWith: '__n8n_BLANK_VALUE' } },
					],
				},
			},
		},
		{
			displayName: 'Platform Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.legitmark.com',
			required: true,
			description: 'Service requests and taxonomy are served here',
		},
		{
			displayName: 'Asset Base URL',
			name: 'assetBaseUrl',
			type: 'string',
			default: 'https://asset.legitmark.com',
			required: true,
			description: 'The host that hands out upload URLs (GET /intent)',
			hint: "The API reference names https://asset.legitmark.com; Legitmark's own SDK and workflow guide use https://media.legitmark.com. Switch if uploads are refused.",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/api/v2/categories',
			qs: { active_only: true, page_number: 1, page_size: 1 },
		},
	};
}
