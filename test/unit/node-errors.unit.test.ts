// What n8n shows for a failed item: the right error class, the status and code kept, the item
// named once, and no secret in the message or the description.
import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

import { ApiError, toItemError } from '../../nodes/shared/errors';
import {
	CancelledError,
	InputError,
	TransferError,
	toNodeError,
	withItem,
	withSecretsMasked,
} from '../../nodes/transfer/errors';

const node: INode = {
	id: '1',
	name: 'Upload',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('withItem', () => {
	it('ends a message with the item once', () => {
		expect(withItem('Failed', 2)).toBe('Failed [item 2]');
		expect(withItem('Failed [item 2]', 2)).toBe('Failed [item 2]');
		expect(withItem('Failed [item 1]', 2)).toBe('Failed [item 1] [item 2]');
	});
});

describe('toNodeError', () => {
	it('a storage failure: NodeApiError with its status, code and description', () => {
		const error = toNodeError(
			node,
			new TransferError('Storage rejected the upload: AccessDenied - no', {
				httpCode: 403,
				storageCode: 'AccessDenied',
				description: 'PUT https://h/k answered 403.',
				retryable: false,
			}),
			3,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error).toMatchObject({
			message: 'Storage rejected the upload: AccessDenied - no [item 3]',
			description: 'PUT https://h/k answered 403.',
			httpCode: '403',
		});
		expect((error as NodeApiError).context.itemIndex).toBe(3);
	});

	it("a network failure keeps its own message, not n8n's generic one for ECONNRESET", () => {
		const error = toNodeError(
			node,
			new TransferError('Could not reach the storage: ECONNRESET', { retryable: true }),
			0,
		);
		expect(error.message).toBe('Could not reach the storage: ECONNRESET [item 0]');
		expect((error as NodeApiError).httpCode).toBeNull();
	});

	it('an input to fix: NodeOperationError with the description', () => {
		const error = toNodeError(node, new InputError('target.url', 'Bad URL', 'Fix it'), 1);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error).toMatchObject({ message: 'Bad URL [item 1]', description: 'Fix it' });
		expect(error.context.itemIndex).toBe(1);
	});

	it("anything else: its message redacted, and n8n's own errors as they are", () => {
		const error = toNodeError(
			node,
			new Error('failed at https://h/k?X-Amz-Signature=0123456789abcdef0123'),
			0,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).not.toContain('0123456789abcdef0123');
		expect(error.message).toMatch(/ \[item 0\]$/);
		expect(toNodeError(node, 'text thrown', 4).message).toBe('text thrown [item 4]');
		const own = new NodeOperationError(node, 'as it is');
		expect(toNodeError(node, own, 0)).toBe(own);
		expect(toNodeError(node, new CancelledError(), 0).message).toBe(
			'The upload was stopped because the execution was cancelled [item 0]',
		);
	});
});

describe('withSecretsMasked', () => {
	const MASK = '***';
	const SECRET = 'sk-live-0123456789';

	it('masks a secret in the message and description of storage and input failures', () => {
		const transfer = withSecretsMasked(
			new TransferError(`denied for ${SECRET}`, {
				httpCode: 403,
				description: `key ${SECRET}`,
				retryable: false,
			}),
			[SECRET],
		) as TransferError;
		expect(transfer).toBeInstanceOf(TransferError);
		expect(transfer.message).toBe(`denied for ${MASK}`);
		expect(transfer.details).toEqual({
			httpCode: 403,
			description: `key ${MASK}`,
			retryable: false,
		});

		const input = withSecretsMasked(new InputError('f', `bad ${SECRET}`, `see ${SECRET}`), [
			SECRET,
		]) as InputError;
		expect(input).toBeInstanceOf(InputError);
		expect(input.field).toBe('f');
		expect(input.message).toBe(`bad ${MASK}`);
		expect(input.description).toBe(`see ${MASK}`);
	});

	it('keeps a missing description missing', () => {
		const transfer = withSecretsMasked(
			new TransferError(`denied for ${SECRET}`, { retryable: true }),
			[SECRET],
		) as TransferError;
		expect(transfer.details).toEqual({ retryable: true, description: undefined });
		const input = withSecretsMasked(new InputError('f', `bad ${SECRET}`), [SECRET]) as InputError;
		expect(input.description).toBeUndefined();
	});

	it('leaves the failure as it is without secrets, or when it is of another kind', () => {
		const error = new TransferError(`denied ${SECRET}`, { retryable: false });
		expect(withSecretsMasked(error, [])).toBe(error);
		const other = new Error(SECRET);
		expect(withSecretsMasked(other, [SECRET])).toBe(other);
	});
});

describe('toItemError', () => {
	it("a provider's refusal: NodeApiError with its status, code and description", () => {
		const error = toItemError(
			node,
			new ApiError('Legitmark refused', { httpCode: 409, code: 'conflict', description: 'Why' }),
			2,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error).toMatchObject({
			message: 'Legitmark refused [item 2]',
			description: 'Why',
			httpCode: '409',
		});
	});

	it("anything else goes through the engine's mapping", () => {
		expect(toItemError(node, new InputError('f', 'Fix f'), 0)).toBeInstanceOf(NodeOperationError);
	});
});
