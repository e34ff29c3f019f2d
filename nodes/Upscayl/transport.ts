import { asObject, nonEmptyText } from '../transfer';
import { baseUrlFrom, createApiClient, type ApiAnswer } from '../shared/apiClient';

export const UPSCAYL_CREDENTIAL = 'upscaylApi';

/**
 * Upscayl's error answers come in two shapes: the live documentation shows a bare JSON string
 * ("Insufficient credits"), its older OpenAPI file `{ error: "<CODE>", message }`. Clients also
 * read `data.error`. Every shape is read.
 */
function readError(answer: ApiAnswer) {
	const body = asObject(answer.body);
	const data = asObject(body?.data);
	const error = nonEmptyText(body?.error);
	const code = error && /^[A-Z_]+$/.test(error) ? error : undefined;
	const message =
		nonEmptyText(body?.message) ??
		nonEmptyText(data?.error) ??
		nonEmptyText(data?.message) ??
		(code ? undefined : error) ??
		nonEmptyText(answer.body)?.slice(0, 200);
	return { message, code };
}

function advise(answer: ApiAnswer): string | undefined {
	const { statusCode } = answer;
	if (statusCode === 401 || statusCode === 403) {
		return 'Check the API key in the Upscayl credential (https://upscayl.org/account/api-keys).';
	}
	if (statusCode === 402) {
		return 'The Upscayl account has too few credits for this call. Buy credits at https://upscayl.org, then run the item again.';
	}
	if (statusCode === 400) {
		return 'Upscayl refused the values sent: check the file type (JPEG, PNG or WebP), its size (at most 100 MB) and the task options.';
	}
	if (statusCode === 404) return 'Upscayl does not know the upload or task this call named.';
	if (statusCode === 429) {
		const retryAfter = nonEmptyText(answer.headers['retry-after']);
		const wait = retryAfter ? ` Upscayl asks to wait ${retryAfter} seconds.` : '';
		return `Upscayl is limiting requests (its documented limits are per hour, for example 50 tasks).${wait} Try again later.`;
	}
	if (statusCode >= 500) return 'Upscayl could not handle the call; try again later.';
	return undefined;
}

/**
 * Upscayl Cloud's API: every endpoint is a POST on one host, so nothing is retried by the
 * client (a lost answer may hide a started task); polling the task status retries by looking
 * again.
 */
export const upscayl = createApiClient<'api'>({
	provider: 'Upscayl',
	credentialType: UPSCAYL_CREDENTIAL,
	hosts: (credentials) => ({
		api: baseUrlFrom(credentials.baseUrl, 'https://api.upscayl.org', 'Base URL'),
	}),
	defaultHost: 'api',
	secretFields: ['apiKey'],
	isFailure: (answer) =>
		answer.statusCode >= 300 || String(asObject(answer.body)?.status) === 'error',
	readError,
	advise,
});
