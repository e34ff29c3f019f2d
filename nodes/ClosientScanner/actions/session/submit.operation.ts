import { sessionOperation } from './sessionCall';

/** Starts processing: Closient's vision extraction runs over the session's photos and captures. */
export const { description, execute } = sessionOperation(
	'submit',
	'POST',
	'/submit',
	(answer, sessionId) => ({ sessionId, ...answer }),
);
