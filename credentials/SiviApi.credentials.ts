import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class SiviApi implements ICredentialType {
	name = 'siviApi';

	displayName = 'Sivi API';

	icon: Icon = { light: 'file:../icons/sivi.svg', dark: 'file:../icons/sivi.dark.svg' };

	documentationUrl = 'https://developer.sivi.ai/docs/sivi-api/overview';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			hint: 'Create one in Sivi under Settings → API (https://instant.sivi.ai/#/settings). It is sent as the sivi-api-key header.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://connect.sivi.ai/api/prod/v2',
			required: true,
			description: 'The Sivi API host and version, without the plan segment',
			hint: 'Production: https://connect.sivi.ai/api/prod/v2. Staging: https://connect.sivi.ai/api/staging/v2. Calls go to <Base URL>/<API Plan>/<endpoint>, for example https://connect.sivi.ai/api/prod/v2/general/files/get-presigned-url.',
		},
		{
			displayName: 'API Plan',
			name: 'apiPlan',
			type: 'options',
			options: [
				{ name: 'General', value: 'general' },
				{ name: 'Enterprise', value: 'enterprise' },
				{ name: 'Super', value: 'super' },
			],
			default: 'general',
			description: 'The path segment of your API plan, put between the base URL and the endpoint',
			hint: 'Enterprise and Super keys may act for end users (Abstract User ID); General keys may not',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'sivi-api-key': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}/{{$credentials.apiPlan}}',
			url: '/font/get',
			method: 'POST',
			body: { source: 'user', limit: 1 },
		},
	};
}
