// A provider call with `form` goes out as multipart/form-data, through httpRequestWithAuthentication.
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { createApiClient } from '../../nodes/shared/apiClient';

function contextSending(answer: { statusCode: number; body: unknown }) {
	const sent: IHttpRequestOptions[] = [];
	const ctx = {
		getCredentials: async () => ({ apiKey: 'k', baseUrl: 'https://api.example.com' }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				sent.push(options);
				return { ...answer, headers: {} };
			},
		},
	} as unknown as IExecuteFunctions;
	return { ctx, sent };
}

const client = createApiClient<'api'>({
	provider: 'Example',
	credentialType: 'exampleApi',
	hosts: () => ({ api: 'https://api.example.com' }),
	defaultHost: 'api',
	secretFields: ['apiKey'],
	readError: () => ({}),
});

describe('API client: form bodies', () => {
	it('sends `form` as multipart/form-data fields instead of a JSON body', async () => {
		const { ctx, sent } = contextSending({ statusCode: 200, body: { ok: true } });
		await client.request(ctx, {
			method: 'POST',
			path: '/start',
			form: { model: 'm', files: '[{"path":"p"}]' },
		});
		expect(sent).toHaveLength(1);
		const body = sent[0].body as FormData;
		expect(body).toBeInstanceOf(FormData);
		expect([...body.entries()]).toEqual([
			['model', 'm'],
			['files', '[{"path":"p"}]'],
		]);
		expect(sent[0].url).toBe('https://api.example.com/start');
	});

	it('keeps a JSON body when no form is given', async () => {
		const { ctx, sent } = contextSending({ statusCode: 200, body: {} });
		await client.request(ctx, { method: 'POST', path: '/x', body: { data: { a: 1 } } });
		expect(sent[0].body).toEqual({ data: { a: 1 } });
	});
});
