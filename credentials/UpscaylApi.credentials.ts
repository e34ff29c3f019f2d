import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class UpscaylApi implements ICredentialType {
	name = 'upscaylApi';

	displayName = 'Upscayl API';

	icon: Icon = { light: 'file:../icons/upscayl.svg', dark: 'file:../icons/upscayl.dark.svg' };

	documentationUrl = 'https://docs.upscayl.org/get-upload-url';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			hint: 'Create one at https://upscayl.org/account/api-keys',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.upscayl.org',
			required: true,
			description: 'Every Upscayl Cloud endpoint is served here',
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

	// The cheapest authenticated call: one entry of the upscale history.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/get-upscayl-history',
			method: 'POST',
			body: { data: { limit: 1 } },
		},
	};
}
