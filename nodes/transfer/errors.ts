import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

import { maskSecrets, redact } from './redact';

export interface TransferErrorDetails {
	httpCode?: number;
	/** The storage's own error code, e.g. `SignatureDoesNotMatch`. */
	storageCode?: string;
	description?: string;
	retryable: boolean;
	retryAfterMs?: number;
	/** The presigned URL has expired: only a new URL from the provider can fix it. */
	expired?: boolean;
}

/** A failure on the way to or at the storage host. Messages never carry signatures or keys. */
export class TransferError extends Error {
	readonly details: TransferErrorDetails;

	constructor(message: string, details: TransferErrorDetails) {
		super(redact(message));
		this.name = 'TransferError';
		this.details = {
			...details,
			description: details.description === undefined ? undefined : redact(details.description),
		};
	}
}

/** The target or the binary cannot be uploaded as given: the user must change an input. */
export class InputError extends Error {
	readonly field: string;

	readonly description?: string;

	constructor(field: string, message: string, description?: string) {
		super(redact(message));
		this.name = 'InputError';
		this.field = field;
		this.description = description === undefined ? undefined : redact(description);
	}
}

/** The execution was cancelled while the upload ran. */
export class CancelledError extends Error {
	constructor() {
		super('The upload was stopped because the execution was cancelled');
		this.name = 'CancelledError';
	}
}

/** The same failure with every known secret value masked in its message and description. */
export function withSecretsMasked(error: unknown, secrets: readonly string[]): unknown {
	if (secrets.length === 0) return error;
	const mask = (text: string) => maskSecrets(text, secrets);
	const maskIfSet = (text: string | undefined) => (text === undefined ? undefined : mask(text));
	if (error instanceof TransferError) {
		return new TransferError(mask(error.message), {
			...error.details,
			description: maskIfSet(error.details.description),
		});
	}
	if (error instanceof InputError) {
		return new InputError(error.field, mask(error.message), maskIfSet(error.description));
	}
	return error;
}

/** Every message n8n shows for an item ends the same way, so a user knows which item failed. */
export function withItem(message: string, itemIndex: number): string {
	const suffix = ` [item ${itemIndex}]`;
	return message.endsWith(suffix) ? message : `${message}${suffix}`;
}

export interface RemoteFailure {
	message: string;
	httpCode?: number;
	/** The remote side's own error code, e.g. `SignatureDoesNotMatch`. */
	code?: string;
	description?: string;
}

/** A failure of a remote host as n8n's NodeApiError, built from clean, redacted fields only. */
export function remoteError(node: INode, failure: RemoteFailure, itemIndex: number): NodeApiError {
	const { httpCode, code, description } = failure;
	const message = withItem(failure.message, itemIndex);
	const response: JsonObject = { message };
	if (httpCode !== undefined) response.httpCode = String(httpCode);
	if (code !== undefined) response.code = code;
	const error = new NodeApiError(node, response, {
		message,
		description,
		httpCode: httpCode === undefined ? undefined : String(httpCode),
		itemIndex,
	});
	// NodeApiError swaps a message that names a network code (ECONNRESET, …) for a generic text,
	// losing the host and the attempts; this message is already written for users.
	error.message = message;
	return error;
}

/**
 * Turns anything the engine throws into the error n8n shows: NodeApiError for remote failures,
 * NodeOperationError for inputs to fix. Only clean, redacted fields reach n8n, never a request.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof TransferError) {
		const { httpCode, storageCode, description } = error.details;
		return remoteError(
			node,
			{ message: error.message, httpCode, code: storageCode, description },
			itemIndex,
		);
	}
	if (error instanceof InputError) {
		return new NodeOperationError(node, withItem(error.message, itemIndex), {
			description: error.description,
			itemIndex,
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, withItem(redact(message), itemIndex), { itemIndex });
}
