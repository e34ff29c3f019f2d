import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { asObject, nonEmptyText } from '../transfer';
import { baseUrlFrom, createApiClient, type ApiAnswer, type ApiRequest } from '../shared/apiClient';

export const LEGITMARK_CREDENTIAL = 'legitmarkApi';

/** Service requests and taxonomy live on the platform host, upload intents on the asset host. */
export type LegitmarkHost = 'platform' | 'asset';

export type LegitmarkRequest = ApiRequest<LegitmarkHost>;

function keyHasPrefix(credentials: ICredentialDataDecryptedObject): boolean {
	return String(credentials.apiKey ?? '').startsWith('leo_');
}

function fieldErrors(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return value
		.map((entry) => nonEmptyText(asObject(entry)?.message))
		.filter((message): message is string => !!message);
}

/** Legitmark's error envelope: `{ success: false, error: { code, message, details, errors } }`. */
function readError(answer: ApiAnswer) {
	const body = asObject(answer.body);
	const envelope = asObject(body?.error);
	const details = nonEmptyText(envelope?.details);
	const description = [details, ...fieldErrors(envelope?.errors)].join(' ');
	return {
		message:
			nonEmptyText(envelope?.message) ??
			nonEmptyText(body?.message) ??
			nonEmptyText(answer.body)?.slice(0, 200),
		description: description || undefined,
		httpCode: Number(envelope?.code) || undefined,
	};
}

function advise(
	answer: ApiAnswer,
	credentials: ICredentialDataDecryptedObject,
): string | undefined {
	const { statusCode } = answer;
	if (statusCode === 401 || statusCode === 403) {
		const prefix = keyHasPrefix(credentials)
			? ''
			: ' The key in the credential does not start with leo_, as Legitmark keys do.';
		return `Check the API key in the Legitmark credential.${prefix}`;
	}
	if (statusCode === 404) return 'Check the IDs this call used: Legitmark does not know them.';
	if (statusCode === 409) {
		return 'The call conflicts with what Legitmark already has, for example a reference ID in use or a service request that was already submitted.';
	}
	if (statusCode === 429) {
		const retryAfter = nonEmptyText(answer.headers['retry-after']);
		const wait = retryAfter ? ` Legitmark asks to wait ${retryAfter} seconds.` : '';
		return `Legitmark is limiting requests.${wait} Try again later, or turn on Retry On Fail in the node settings.`;
	}
	if (statusCode >= 500) return 'Legitmark could not handle the call; try again later.';
	return undefined;
}

/**
 * Legitmark's API. Reads (the upload intent, a service request) are tried again after a 5xx
 * answer, as Legitmark's SDK does, with its 30-second timeout. A 429 is left to the caller:
 * Legitmark's limits are not published, and Retry On Fail is the user's choice.
 */
export const legitmark = createApiClient<LegitmarkHost>({
	provider: 'Legitmark',
	credentialType: LEGITMARK_CREDENTIAL,
	hosts: (credentials) => ({
		platform: baseUrlFrom(credentials.baseUrl, 'https://api.legitmark.com', 'Platform Base URL'),
		asset: baseUrlFrom(credentials.assetBaseUrl, 'https://asset.legitmark.com', 'Asset Base URL'),
	}),
	defaultHost: 'platform',
	secretFields: ['apiKey'],
	timeoutMs: 30_000,
	readRetry: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 },
	isFailure: (answer) => answer.statusCode >= 300 || asObject(answer.body)?.success === false,
	readError,
	advise,
});
