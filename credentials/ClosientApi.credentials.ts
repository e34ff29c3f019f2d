import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class ClosientApi implements ICredentialType {
	name = 'closientApi';

	displayName = 'Closient API';

	icon: Icon = { light: 'file:../icons/closient.svg', dark: 'file:../icons/closient.dark.svg' };

	documentationUrl = 'https://docs.closient.com/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			hint: 'Create one in Closient under Settings → API Keys. It looks like csb_<32 letters and digits>_<8-digit checksum>.',
		},
		{
			displayName:
				'This does not look like a Closient API key (csb_, csu_ or cpk_, 32 letters and digits, _ and an 8-digit hex checksum): check that the whole key was copied.',
			name: 'keyShapeNotice',
			type: 'notice',
			default: '',
			displayOptions: {
				// A saved key comes back masked as __n8n_BLANK_VALUE…, which is no reason to warn.
				hide: {
					apiKey: [
						'',
						{ _cnd: { regex: '^\\s*(csb|csu|cpk)_[A-Za-z0-9]{32}_[0-9a-f]{8}\\s*$' } },
						{ _cnd: { startsWith: '__n8n_BLANK_VALUE' } },
					],
				},
			},
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://www.closient.com',
			required: true,
			description: 'The Closient host; the Scanner API lives under /scanner/api/v1',
			hint: 'Closient tests new releases on https://www.closient.dev',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-API-Key': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/scanner/api/v1/sessions',
			qs: { page: 1, page_size: 1 },
		},
	};
}
