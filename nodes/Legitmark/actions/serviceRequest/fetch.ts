import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { serviceRequestOf } from '../../helpers/serviceRequest';
import { legitmark, type LegitmarkRequest } from '../../transport';

/** Parts of a service request that GET /api/v2/sr/{uuid} adds when asked by a true flag. */
export const INCLUDE_FLAGS = [
	'item',
	'sides',
	'requirements',
	'summary',
	'service',
	'outcome',
	'user',
	'stages',
	'tab',
	'risk',
	'authenticators',
	'workflows',
	'partner',
] as const;

/** Legitmark only returns sides with the item, and requirements with both. */
function withPrerequisites(include: string[]): string[] {
	const flags = new Set(include);
	if (flags.has('requirements')) flags.add('sides');
	if (flags.has('sides')) flags.add('item');
	return INCLUDE_FLAGS.filter((flag) => flags.has(flag));
}

export function getServiceRequestCall(
	serviceRequestId: string,
	include: string[],
): LegitmarkRequest {
	const qs = Object.fromEntries(withPrerequisites(include).map((flag) => [flag, true]));
	return {
		method: 'GET',
		host: 'platform',
		path: `/api/v2/sr/${encodeURIComponent(serviceRequestId)}`,
		qs,
	};
}

export async function fetchServiceRequest(
	this: IExecuteFunctions,
	serviceRequestId: string,
	include: string[],
): Promise<IDataObject> {
	const answer = await legitmark.request(this, getServiceRequestCall(serviceRequestId, include));
	return serviceRequestOf(answer);
}
