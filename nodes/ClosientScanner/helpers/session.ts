import type { IDataObject } from 'n8n-workflow';

import { ApiError } from '../../shared/errors';
import { nonEmptyText } from '../../transfer';

/**
 * ASSUMPTION: Closient's session schema does not show the field that carries the session's short
 * id. Its other schemas call it `id`; older renders used `short_id` and `public_id`.
 */
const SESSION_ID_FIELDS = ['id', 'short_id', 'public_id', 'session_id'];

/** The session as Closient answered it, with `sessionId` added for the next node. */
export function sessionOf(answer: IDataObject, context: string): IDataObject {
	const field = SESSION_ID_FIELDS.find((name) => nonEmptyText(answer[name]));
	if (!field) {
		throw new ApiError(`Closient answered ${context} without a session ID`, {
			description: `None of ${SESSION_ID_FIELDS.join(', ')} was in the answer.`,
		});
	}
	return { sessionId: nonEmptyText(answer[field]), ...answer };
}
