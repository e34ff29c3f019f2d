import type { IDataObject, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { operationFields } from '../../../shared/fields';
import type { ItemOperation } from '../../../shared/itemLoop';
import { outputItem } from '../../../shared/items';
import { closient, SCANNER } from '../../transport';
import { keepBinaryOptionsField, readSessionId, sessionIdField } from '../fields';

/** An operation that is one call on one session: Get, Submit, Get Status. */
export function sessionOperation(
	operation: string,
	method: IHttpRequestMethods,
	suffix: string,
	shape: (answer: IDataObject, sessionId: string) => IDataObject,
): { description: INodeProperties[]; execute: ItemOperation } {
	return {
		description: operationFields('session', operation, [
			{ ...sessionIdField, default: '={{ $json.sessionId }}' },
			keepBinaryOptionsField,
		]),
		execute: async function (itemIndex) {
			const sessionId = readSessionId(this, itemIndex);
			const answer = await closient.request(this, {
				method,
				path: `${SCANNER}/sessions/${encodeURIComponent(sessionId)}${suffix}`,
			});
			return outputItem(this, itemIndex, shape(answer, sessionId));
		},
	};
}
