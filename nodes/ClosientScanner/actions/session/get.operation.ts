import { sessionOf } from '../../helpers/session';
import { sessionOperation } from './sessionCall';

/** The session with its captures and product photos. */
export const { description, execute } = sessionOperation('get', 'GET', '', (answer) =>
	sessionOf(answer, 'the session'),
);
