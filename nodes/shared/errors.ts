import type { INode, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InputError, remoteError, toNodeError } from '../transfer';

export { InputError };

export interface ApiErrorDetails {
	/** The provider's HTTP status, when it answered. */
	httpCode?: number;
	/** The provider's own error code, when its envelope has one. */
	code?: string;
	/** The provider's details and what the user can do about the failure. */
	description?: string;
	/** A network failure or 5xx: the same call may succeed later. */
	retryable?: boolean;
	/** How long the provider asked to wait (429 and 503 with Retry-After). */
	retryAfterMs?: number;
}

/**
 * The provider refused a call, answered something unusable, or could not be reached. Provider
 * code throws this or an InputError and nothing else; the item loop turns both into n8n's errors.
 */
export class ApiError extends Error {
	readonly details: ApiErrorDetails;

	constructor(message: string, details: ApiErrorDetails = {}) {
		super(message);
		this.name = 'ApiError';
		this.details = details;
	}
}

/** The one place where an item's failure becomes the error n8n shows, its message ending with the item. */
export function toItemError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (!(error instanceof ApiError)) return toNodeError(node, error, itemIndex);
	return remoteError(node, { message: error.message, ...error.details }, itemIndex);
}
