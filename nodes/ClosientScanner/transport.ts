import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { asObject, nonEmptyText } from '../transfer';
import { baseUrlFrom, createApiClient, type ApiAnswer } from '../shared/apiClient';
import { retryAfterFromHeaders } from '../shared/rateLimit';
import { assertApiKey } from './helpers/apiKey';

export const CLOSIENT_CREDENTIAL = 'closientApi';

/** The longest one call waits for Closient's rate limits, Retry-After pauses included. */
const MAX_RATE_LIMIT_WAIT_MS = 120_000;

/** The Scanner API's paths, below the credential's base URL. */
export const SCANNER = '/scanner/api/v1';

/** RFC 9457 problem details: `{ type, title, status, detail, error_code, retryable, timestamp }`. */
function readError(answer: ApiAnswer) {
	const problem = asObject(answer.body);
	const title = nonEmptyText(problem?.title);
	const detail = nonEmptyText(problem?.detail);
	const code = nonEmptyText(problem?.error_code);
	const facts = [
		code ? `Error code: ${code}.` : undefined,
		problem?.retryable === true ? 'Closient says the call may succeed if tried again.' : undefined,
	];
	const description = [detail, ...facts].filter(Boolean).join(' ');
	return {
		message:
			title && detail
				? `${title}: ${detail}`
				: (title ?? detail ?? nonEmptyText(answer.body)?.slice(0, 200)),
		description: description || undefined,
		code,
	};
}

function advise(answer: ApiAnswer): string | undefined {
	const { statusCode } = answer;
	if (statusCode === 401 || statusCode === 403) {
		return 'Check the API key in the Closient credential and that it may use the Scanner API.';
	}
	if (statusCode === 404) return 'Check the IDs this call used: Closient does not know them.';
	if (statusCode === 429) {
		return 'Closient kept limiting requests longer than this node waits. Run fewer items at once, or try again later.';
	}
	if (statusCode >= 500) return 'Closient could not handle the call; try again later.';
	return undefined;
}

/** Retry-After, or the problem's `retry_after_seconds` when the header is missing. */
function retryAfterMs(answer: ApiAnswer): number | undefined {
	const seconds = Number((answer.body as IDataObject | undefined)?.retry_after_seconds);
	return (
		retryAfterFromHeaders(answer.headers) ??
		(Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined)
	);
}

/**
 * Closient's API: the key in X-API-Key, checked for its documented shape and checksum before any
 * call; reads tried again after 5xx; 429 answers waited out and the published RateLimit-* budget
 * kept by the items of a run.
 */
export const closient = createApiClient<'api'>({
	provider: 'Closient',
	credentialType: CLOSIENT_CREDENTIAL,
	hosts: (credentials: ICredentialDataDecryptedObject) => ({
		api: baseUrlFrom(credentials.baseUrl, 'https://www.closient.com', 'Base URL'),
	}),
	defaultHost: 'api',
	secretFields: ['apiKey'],
	checkCredentials: (credentials) => assertApiKey(credentials.apiKey),
	readError,
	advise,
	rateLimit: { maxWaitMs: MAX_RATE_LIMIT_WAIT_MS, retryAfterMs },
});
