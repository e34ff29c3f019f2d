import { isExpiredUrlFailure } from '../transfer';

/**
 * Asks the provider for an upload ticket and uploads with it. When the URL has expired by the
 * time the bytes go out (a long queue, a paused execution), a fresh ticket is asked for once:
 * nothing was stored under the expired URL, so the second try cannot duplicate anything.
 */
export async function withFreshUrlOnExpiry<Ticket, Result>(
	request: () => Promise<Ticket>,
	upload: (ticket: Ticket) => Promise<Result>,
): Promise<{ ticket: Ticket; result: Result }> {
	const first = await request();
	const uploaded = await upload(first).then(
		(result) => ({ result }),
		async (error: unknown) =>
			isExpiredUrlFailure(error) ? undefined : await Promise.reject(error),
	);
	if (uploaded) return { ticket: first, result: uploaded.result };
	const fresh = await request();
	return { ticket: fresh, result: await upload(fresh) };
}
