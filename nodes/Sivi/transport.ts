import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ApiError, InputError } from '../shared/errors';
import { baseUrlFrom, createApiClient, type ApiAnswer, type ApiRequest } from '../shared/apiClient';
import { asObject, nonEmptyText } from '../transfer';

export const SIVI_CREDENTIAL = 'siviApi';

const DEFAULT_BASE_URL = 'https://connect.sivi.ai/api/prod/v2';
export const API_PLANS = ['general', 'enterprise', 'super'];

/** `<Base URL>/<API Plan>`: every Core API endpoint sits below the plan's path segment. */
export function apiRoot(credentials: ICredentialDataDecryptedObject): string {
	const base = baseUrlFrom(credentials.baseUrl, DEFAULT_BASE_URL, 'Base URL');
	const plan = nonEmptyText(credentials.apiPlan) ?? 'general';
	if (!API_PLANS.includes(plan)) {
		throw new InputError(
			'API Plan',
			`"API Plan" of the Sivi credential must be ${API_PLANS.join(', ')}, got "${plan}"`,
			'"API Plan" is a field of the credential: correct it there.',
		);
	}
	return `${base}/${plan}`;
}

/** The status inside `{ status, body }`; Sivi's own scripts read the HTTP status, so both count. */
function envelopeStatus(answer: ApiAnswer): number | undefined {
	const status = asObject(answer.body)?.status;
	return typeof status === 'number' ? status : undefined;
}

/** Sivi's error envelope: `{ status, body: { message } }`. */
function readError(answer: ApiAnswer) {
	const envelope = asObject(answer.body);
	return {
		message:
			nonEmptyText(asObject(envelope?.body)?.message) ??
			nonEmptyText(envelope?.message) ??
			nonEmptyText(answer.body)?.slice(0, 200),
		httpCode: envelopeStatus(answer),
	};
}

function advise(answer: ApiAnswer): string | undefined {
	const status = answer.statusCode >= 300 ? answer.statusCode : envelopeStatus(answer);
	if (status === 401 || status === 403) {
		return 'Check the API key in the Sivi credential, and that its API Plan is the one of the key.';
	}
	if (status === 402) return 'The Sivi account has no credits left for this call.';
	if (status === 422) return 'Sivi refused the input of this call; check the fields named above.';
	if (status === 429) {
		return 'Sivi is limiting requests (General plan: 50 a minute) or the credit limit is reached. Try again later, or turn on Retry On Fail in the node settings.';
	}
	if (status !== undefined && status >= 500)
		return 'Sivi could not handle the call; try again later.';
	return undefined;
}

export const siviClient = createApiClient<'api'>({
	provider: 'Sivi',
	credentialType: SIVI_CREDENTIAL,
	hosts: (credentials) => ({ api: apiRoot(credentials) }),
	defaultHost: 'api',
	secretFields: ['apiKey'],
	isFailure: (answer) => answer.statusCode >= 300 || (envelopeStatus(answer) ?? 200) >= 300,
	readError,
	advise,
});

/** One Sivi call; resolves to what the envelope carries under `body`. */
export async function sivi(
	ctx: IExecuteFunctions,
	request: ApiRequest<'api'>,
): Promise<IDataObject> {
	const answer = await siviClient.request(ctx, request);
	const body = asObject(answer.body);
	if (!body) {
		throw new ApiError(`Sivi answered ${request.method} ${request.path} without a body`, {
			description: 'Sivi wraps every answer as { status, body }; this one had no body object.',
		});
	}
	return body;
}
