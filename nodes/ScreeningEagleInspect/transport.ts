import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { asObject, nonEmptyText } from '../transfer';
import { baseUrlFrom, createApiClient, type ApiAnswer } from '../shared/apiClient';
import { InputError } from '../shared/errors';

export const SCREENING_EAGLE_CREDENTIAL = 'screeningEagleInspectApi';

/** The regional Inspect host; no default is published, so the credential must name it. */
function apiHost(credentials: ICredentialDataDecryptedObject): string {
	if (!nonEmptyText(credentials.baseUrl)) {
		throw new InputError(
			'Base URL',
			'The Screening Eagle Inspect credential has no "Base URL"',
			'Enter the regional Inspect API host of your workspace in the credential; Screening Eagle publishes no default.',
		);
	}
	return baseUrlFrom(credentials.baseUrl, '', 'Base URL');
}

/** Screening Eagle's error envelope on every status: `{ error, errorDescription }`. */
function readError(answer: ApiAnswer) {
	const body = asObject(answer.body);
	const error = nonEmptyText(body?.error);
	const description = nonEmptyText(body?.errorDescription);
	const message = error && description ? `${error}: ${description}` : (error ?? description);
	return {
		message: message ?? nonEmptyText(answer.body)?.slice(0, 200),
		code: error,
	};
}

function advise(
	answer: ApiAnswer,
	credentials: ICredentialDataDecryptedObject,
): string | undefined {
	const { statusCode } = answer;
	if (statusCode === 401) {
		const scheme =
			credentials.authScheme === 'header'
				? `the token is sent in the ${String(credentials.headerName || 'X-API-Key')} header`
				: 'the token is sent as Authorization: Bearer';
		return `Check the token in the Screening Eagle Inspect credential (${scheme}; switch "Send Token As" if your workspace expects another header).`;
	}
	if (statusCode === 403) return 'The token may not act on this asset or spot.';
	if (statusCode === 404) {
		return 'Check the IDs this call used and the Base URL of the credential: Screening Eagle does not know them.';
	}
	if (statusCode >= 500) return 'Screening Eagle could not handle the call; try again later.';
	return undefined;
}

/**
 * The Inspect API. Writes (the presigned request, complete, spot creation) are never repeated:
 * Screening Eagle documents no idempotency key. Reads are tried again after a 5xx answer.
 */
export const screeningEagle = createApiClient<'api'>({
	provider: 'Screening Eagle Inspect',
	credentialType: SCREENING_EAGLE_CREDENTIAL,
	hosts: (credentials) => ({ api: apiHost(credentials) }),
	defaultHost: 'api',
	secretFields: ['token'],
	readError,
	advise,
});
