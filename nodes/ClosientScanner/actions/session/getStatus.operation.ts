import { sessionOperation } from './sessionCall';

/** session_status (ACTIVE, COMPLETED, EXPIRED) and extraction_status, with the captures. */
export const { description, execute } = sessionOperation(
	'getStatus',
	'GET',
	'/status',
	(answer, sessionId) => ({ sessionId, ...answer }),
);
