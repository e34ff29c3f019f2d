import {
	NodeApiError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type INode,
	type JsonObject,
} from 'n8n-workflow';

import { backoffDelay, redact, type RetryPolicy } from '../transfer';

export const LEGITMARK_CREDENTIAL = 'legitmarkApi';

const DEFAULT_PLATFORM_URL = 'https://api.legitmark.com';
const DEFAULT_ASSET_URL = 'https://asset.legitmark.com';
/** Legitmark's SDK gives API calls 30 seconds. */
const API_TIMEOUT_MS = 30_000;
/**
 * Reads (the upload intent, a service request) are tried again after a 5xx answer, as Legitmark's
 * SDK does; writes are not, since a lost answer may hide a write that happened. A 429 is left to
 * the caller: Legitmark's limits are not published, and Retry On Fail is the user's choice.
 */
const READ_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 };

/** Service requests and taxonomy live on the platform host, upload intents on the asset host. */
export type LegitmarkHost = 'platform' | 'asset';

export interface LegitmarkRequest {
	method: IHttpRequestMethods;
	host: LegitmarkHost;
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

export interface LegitmarkResponse {
	statusCode: number;
	body: unknown;
	headers: IDataObject;
	/** Whether the credential's key has Legitmark's leo_ prefix; explains many 401s. */
	keyHasPrefix: boolean;
}

interface CredentialFacts {
	platformUrl: string;
	assetUrl: string;
	keyHasPrefix: boolean;
}

function baseUrl(value: unknown, fallback: string): string {
	const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
	return text.replace(/\/+$/, '');
}

async function credentialFacts(this: IExecuteFunctions): Promise<CredentialFacts> {
	const credentials = await this.getCredentials(LEGITMARK_CREDENTIAL);
	return {
		platformUrl: baseUrl(credentials.baseUrl, DEFAULT_PLATFORM_URL),
		assetUrl: baseUrl(credentials.assetBaseUrl, DEFAULT_ASSET_URL),
		keyHasPrefix: String(credentials.apiKey ?? '').startsWith('leo_'),
	};
}

/** One call to Legitmark with the credential's Bearer key, whatever the answer's status. */
export async function sendLegitmarkRequest(
	this: IExecuteFunctions,
	request: LegitmarkRequest,
): Promise<LegitmarkResponse> {
	const facts = await credentialFacts.call(this);
	const attempts = request.method === 'GET' ? READ_RETRY.maxAttempts : 1;
	for (let attempt = 1; ; attempt++) {
		const response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			LEGITMARK_CREDENTIAL,
			{
				method: request.method,
				baseURL: request.host === 'asset' ? facts.assetUrl : facts.platformUrl,
				url: request.path,
				qs: request.qs,
				body: request.body,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: API_TIMEOUT_MS,
			},
		)) as { statusCode: number; body: unknown; headers?: IDataObject };
		if (response.statusCode < 500 || attempt >= attempts) {
			return {
				statusCode: response.statusCode,
				body: response.body,
				headers: response.headers ?? {},
				keyHasPrefix: facts.keyHasPrefix,
			};
		}
		await sleep(backoffDelay(attempt, READ_RETRY), this.getExecutionCancelSignal?.());
	}
}

function asObject(value: unknown): IDataObject | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function isFailure(response: LegitmarkResponse): boolean {
	return response.statusCode >= 400 || asObject(response.body)?.success === false;
}

function fieldErrors(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return value.map((entry) => text(asObject(entry)?.message)).filter((m): m is string => !!m);
}

function adviceFor(response: LegitmarkResponse): string | undefined {
	const { statusCode } = response;
	if (statusCode === 401 || statusCode === 403) {
		const prefix = response.keyHasPrefix
			? ''
			: ' The key in the credential does not start with leo_, as Legitmark keys do.';
		return `Check the API key in the Legitmark credential.${prefix}`;
	}
	if (statusCode === 404) return 'Check the IDs this call used: Legitmark does not know them.';
	if (statusCode === 409) {
		return 'The call conflicts with what Legitmark already has, for example a reference ID in use or a service request that was already submitted.';
	}
	if (statusCode === 429) {
		const retryAfter = text(response.headers['retry-after']);
		const wait = retryAfter ? ` Legitmark asks to wait ${retryAfter} seconds.` : '';
		return `Legitmark is limiting requests.${wait} Try again later, or turn on Retry On Fail in the node settings.`;
	}
	if (statusCode >= 500) return 'Legitmark could not handle the call; try again later.';
	return undefined;
}

/** Legitmark's error envelope `{success:false, error:{code,message,details}}` as an n8n error. */
export function legitmarkApiError(
	node: INode,
	response: LegitmarkResponse,
	itemIndex: number,
): NodeApiError {
	const body = asObject(response.body);
	const envelope = asObject(body?.error);
	const status =
		response.statusCode >= 400
			? response.statusCode
			: Number(envelope?.code) || response.statusCode;
	const message = redact(
		text(envelope?.message) ??
			text(body?.message) ??
			text(response.body)?.slice(0, 200) ??
			`Legitmark answered with HTTP ${status}`,
	);
	const details = text(envelope?.details);
	const description = [details, ...fieldErrors(envelope?.errors), adviceFor(response)]
		.filter((part): part is string => !!part)
		.join(' ');
	const errorResponse: JsonObject = { message, httpCode: String(status) };
	if (details) errorResponse.details = redact(details);
	return new NodeApiError(node, errorResponse, {
		message,
		description: description ? redact(description) : undefined,
		httpCode: String(status),
		itemIndex,
	});
}

/** A Legitmark call whose failure ends the item with Legitmark's own status and message. */
export async function legitmarkApiRequest(
	this: IExecuteFunctions,
	itemIndex: number,
	request: LegitmarkRequest,
): Promise<IDataObject> {
	const response = await sendLegitmarkRequest.call(this, request);
	if (isFailure(response)) throw legitmarkApiError(this.getNode(), response, itemIndex);
	return asObject(response.body) ?? {};
}
