import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
} from 'n8n-workflow';

import {
	asObject,
	CancelledError,
	maskSecrets,
	networkFailureOf,
	nonEmptyText,
	parseRetryAfter,
	parseUrl,
	pause,
	retrying,
	type RetryPolicy,
} from '../transfer';
import { ApiError } from './errors';
import {
	RateGovernor,
	rateBudgetFromHeaders,
	RateLimitWaitTooLong,
	retryAfterFromHeaders,
	type RateBudget,
} from './rateLimit';

/** A provider's answer, whatever its status. */
export interface ApiAnswer {
	statusCode: number;
	body: unknown;
	headers: IDataObject;
}

/** What a provider's error envelope says; the client adds the status and masks secrets. */
export interface ApiErrorReport {
	message?: string;
	description?: string;
	code?: string;
	/** The status inside the envelope, for providers that answer errors with 200. */
	httpCode?: number;
}

export interface ApiRequest<Host extends string> {
	method: IHttpRequestMethods;
	/** Which of the provider's hosts; the definition's default host when left out. */
	host?: Host;
	/** The path below the host's base URL, starting with a slash. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Text fields sent as multipart/form-data instead of a JSON body. */
	form?: Record<string, string>;
	/**
	 * A write that may be sent again after a 5xx answer or a network failure, like a read: asking
	 * for an upload URL, which at worst leaves an unused URL behind.
	 */
	retrySafe?: boolean;
}

/** How a client honours a provider's published rate limits. */
export interface RateLimitSettings {
	/** The longest one call waits for the provider's limits, Retry-After pauses and throttling together. */
	maxWaitMs: number;
	/** How long a 429 answer asks to wait; by default its Retry-After header. */
	retryAfterMs?(answer: ApiAnswer): number | undefined;
	/** The budget an answer announces; by default its RateLimit-Remaining and RateLimit-Reset. */
	budget?(answer: ApiAnswer): RateBudget | undefined;
}

export interface ApiDefinition<Host extends string> {
	/** The provider's name as users know it, used in messages. */
	provider: string;
	credentialType: string;
	/** The base URL of each host, read from the credential (see `baseUrlFrom`). */
	hosts(credentials: ICredentialDataDecryptedObject): Record<Host, string>;
	defaultHost: Host;
	/** Credential fields whose values are masked wherever an answer or an error echoes them. */
	secretFields: string[];
	timeoutMs?: number;
	/** How reads and retrySafe writes are retried after a 5xx answer or a network failure. Other writes are never retried. */
	readRetry?: Omit<RetryPolicy, 'signal'>;
	/** Whether an answer is a failure; by default any status from 300 on. */
	isFailure?(answer: ApiAnswer): boolean;
	/** Reads the provider's error envelope. */
	readError(answer: ApiAnswer): ApiErrorReport;
	/** What the user can do about a failed answer, such as checking the key after a 401. */
	advise?(answer: ApiAnswer, credentials: ICredentialDataDecryptedObject): string | undefined;
	/** Refuses a credential that cannot be right (an InputError) before any request. */
	checkCredentials?(credentials: ICredentialDataDecryptedObject): void;
	/**
	 * Set for providers that publish rate limits: a 429 is tried again after the wait it asks for
	 * (a 429 means the call was not carried out, so writes too), and the calls of one node run keep
	 * within the budget the answers announce. Without it a 429 is an error like any other.
	 */
	rateLimit?: RateLimitSettings;
}

export interface ApiClient<Host extends string> {
	/**
	 * One call with the credential. Resolves to the answer's body as an object; a failed answer
	 * becomes an ApiError with the provider's status, message and details, secrets masked.
	 */
	request(ctx: IExecuteFunctions, request: ApiRequest<Host>): Promise<IDataObject>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** The pause after a 429 that does not say how long to wait. */
const DEFAULT_RATE_LIMIT_PAUSE_MS = 1000;
const DEFAULT_READ_RETRY = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 };
const MAX_REDIRECTS = 5;
const READ_METHODS = ['GET', 'HEAD'];
/** Redirects that keep the method and body; others would turn a write into a read. */
const METHOD_KEEPING_REDIRECTS = [307, 308];

/** A credential's base URL, checked, without a trailing slash; the default when left empty. */
export function baseUrlFrom(value: unknown, fallback: string, label: string): string {
	const url = parseUrl(
		nonEmptyText(value) ?? fallback,
		label,
		`"${label}" is a field of the credential: correct it there.`,
	);
	return url.replace(/\/+$/, '');
}

/** A fresh multipart/form-data body for each exchange: a sent body cannot be sent again. */
function formDataOf(fields: Record<string, string>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	return form;
}

function jsonOrUndefined(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/** A 5xx answer to a read, thrown so that the retry loop tries again. */
class RetryableAnswer extends Error {
	constructor(readonly answer: ApiAnswer) {
		super(`HTTP ${answer.statusCode}`);
	}
}

function secretValues(
	credentials: ICredentialDataDecryptedObject,
	fields: readonly string[],
): string[] {
	return fields
		.map((field) => credentials[field])
		.filter((v): v is string => typeof v === 'string');
}

/**
 * The client every provider node uses for its API: the credential goes only to the provider's own
 * hosts (redirects are followed by hand, and never to another origin), reads (and writes marked
 * retrySafe) are retried after 5xx answers and network failures, other writes never, and errors keep the provider's status and
 * message with every secret value the credential holds masked.
 */
export function createApiClient<Host extends string>(
	definition: ApiDefinition<Host>,
): ApiClient<Host> {
	const provider = definition.provider;
	const isFailure = definition.isFailure ?? ((answer: ApiAnswer) => answer.statusCode >= 300);

	/** One exchange, following same-origin redirects; the helper adds the credential each time. */
	async function exchange(
		ctx: IExecuteFunctions,
		mask: (text: string) => string,
		request: ApiRequest<Host>,
		url: string,
	): Promise<ApiAnswer> {
		const origin = new URL(url).origin;
		let current = url;
		for (let hop = 0; ; hop++) {
			const options: IHttpRequestOptions = {
				method: request.method,
				url: current,
				qs: hop === 0 ? request.qs : undefined,
				body: request.form ? formDataOf(request.form) : request.body,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				timeout: definition.timeoutMs ?? DEFAULT_TIMEOUT_MS,
			};
			const raw = await ctx.helpers.httpRequestWithAuthentication
				.call(ctx, definition.credentialType, options)
				.catch((error: unknown) => ({ networkFailure: error }));
			if ('networkFailure' in raw) {
				if (ctx.getExecutionCancelSignal?.()?.aborted) throw new CancelledError();
				const failure = networkFailureOf(raw.networkFailure);
				throw new ApiError(mask(`Could not reach ${provider}: ${failure.reason}`), {
					description: `${request.method} ${request.path} failed before ${provider} answered.`,
					retryable: failure.retryable,
				});
			}
			const answer: ApiAnswer = {
				statusCode: raw.statusCode,
				body: raw.body,
				headers: raw.headers ?? {},
			};
			const location = nonEmptyText(answer.headers.location);
			const followable =
				READ_METHODS.includes(request.method) ||
				METHOD_KEEPING_REDIRECTS.includes(answer.statusCode);
			if (answer.statusCode < 300 || answer.statusCode >= 400 || !location) return answer;
			const next = new URL(location, current);
			if (next.origin !== origin) {
				throw new ApiError(
					`${provider} redirected ${request.method} ${request.path} to another host (${next.origin}); the credential is not sent there`,
					{
						httpCode: answer.statusCode,
						description: `Check the base URL in the ${provider} credential: it must be the API host itself.`,
					},
				);
			}
			if (!followable || hop >= MAX_REDIRECTS) return answer;
			current = next.href;
		}
	}

	function errorFor(
		answer: ApiAnswer,
		credentials: ICredentialDataDecryptedObject,
		mask: (text: string) => string,
	): ApiError {
		const report = definition.readError(answer);
		const httpCode =
			answer.statusCode >= 400 ? answer.statusCode : (report.httpCode ?? answer.statusCode);
		const message = report.message ?? `${provider} answered with HTTP ${httpCode}`;
		const description = [report.description, definition.advise?.(answer, credentials)]
			.filter((part): part is string => !!part)
			.join(' ');
		return new ApiError(mask(message), {
			httpCode,
			// Some envelopes put free text in their code field, which n8n stores with the error.
			code: report.code === undefined ? undefined : mask(report.code),
			description: description ? mask(description) : undefined,
			retryAfterMs: parseRetryAfter(answer.headers['retry-after']),
		});
	}

	/** One governor per node run: the items of a run share the provider's budget. */
	const governors = new WeakMap<object, RateGovernor>();

	/** Sends within the provider's announced budget and waits out 429 answers, up to maxWaitMs. */
	async function withinRateLimits(
		ctx: IExecuteFunctions,
		settings: RateLimitSettings,
		send: () => Promise<ApiAnswer>,
	): Promise<ApiAnswer> {
		let governor = governors.get(ctx);
		if (!governor) governors.set(ctx, (governor = new RateGovernor()));
		const budgetOf = settings.budget ?? ((answer) => rateBudgetFromHeaders(answer.headers));
		const retryAfterOf =
			settings.retryAfterMs ?? ((answer) => retryAfterFromHeaders(answer.headers));
		const signal = ctx.getExecutionCancelSignal?.();
		const deadline = Date.now() + settings.maxWaitMs;
		for (;;) {
			await governor.acquire(deadline, signal).catch(async (error: unknown) => {
				if (!(error instanceof RateLimitWaitTooLong)) return await Promise.reject(error);
				return await Promise.reject(
					new ApiError(
						`${provider}'s rate limit is used up: ${error.message}, later than this node waits (${settings.maxWaitMs / 1000} s)`,
						{
							httpCode: 429,
							retryAfterMs: error.waitMs,
							description: `The calls of this run have used up what ${provider} allows per window. Run fewer items at once, or try again later.`,
						},
					),
				);
			});
			let answer: ApiAnswer | undefined;
			try {
				answer = await send();
			} finally {
				governor.release(answer && budgetOf(answer), answer !== undefined);
			}
			if (answer.statusCode !== 429) return answer;
			const waitMs = retryAfterOf(answer) ?? DEFAULT_RATE_LIMIT_PAUSE_MS;
			if (Date.now() + waitMs > deadline) return answer;
			await pause(waitMs, signal);
		}
	}

	async function request(ctx: IExecuteFunctions, call: ApiRequest<Host>): Promise<IDataObject> {
		const credentials = await ctx.getCredentials(definition.credentialType);
		definition.checkCredentials?.(credentials);
		const secrets = secretValues(credentials, definition.secretFields);
		const mask = (text: string) => maskSecrets(text, secrets);
		const base = definition.hosts(credentials)[call.host ?? definition.defaultHost];
		const url = `${base}${call.path}`;
		const isRead = READ_METHODS.includes(call.method) || call.retrySafe === true;
		const readRetry = definition.readRetry ?? DEFAULT_READ_RETRY;
		const policy = {
			...readRetry,
			maxAttempts: isRead ? readRetry.maxAttempts : 1,
			signal: ctx.getExecutionCancelSignal?.(),
		};
		const send = async () =>
			await retrying(
				async () => {
					const received = await exchange(ctx, mask, call, url);
					if (isRead && received.statusCode >= 500) throw new RetryableAnswer(received);
					return received;
				},
				policy,
				(failure) =>
					failure instanceof RetryableAnswer ||
					(failure instanceof ApiError && failure.details.retryable === true)
						? { retry: true }
						: { retry: false },
			).catch(async (failure: unknown) => {
				if (failure instanceof RetryableAnswer) return failure.answer;
				return await Promise.reject(failure);
			});
		const answer = definition.rateLimit
			? await withinRateLimits(ctx, definition.rateLimit, send)
			: await send();
		if (isFailure(answer)) throw errorFor(answer, credentials, mask);
		return bodyOf(answer, call, mask);
	}

	/**
	 * The answer's JSON object. A body that is not JSON (an HTML page from a proxy, a cut-off
	 * answer) is a failure that says so, rather than an answer that merely lacks its fields.
	 */
	function bodyOf(answer: ApiAnswer, call: ApiRequest<Host>, mask: (text: string) => string) {
		const { body } = answer;
		if (typeof body !== 'string' || body.trim() === '') return asObject(body) ?? {};
		const parsed = jsonOrUndefined(body);
		if (parsed === undefined) {
			throw new ApiError(
				`${provider} answered ${call.method} ${call.path} with something that is not JSON`,
				{
					httpCode: answer.statusCode,
					description: mask(
						`It began: ${body.trim().slice(0, 120)}. A proxy or gateway may stand between n8n and ${provider}; try again later.`,
					),
				},
			);
		}
		return asObject(parsed) ?? {};
	}

	return { request };
}
