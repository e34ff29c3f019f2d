// Service Request → Wait for Result on the real engine against the Legitmark emulator, whose
// request takes its queued states one per look: the wait ends on a verdict, a cancellation or a
// request for new photos, with the same `verdict` the Legitmark Trigger gives.
import { useEngineWithSandbox } from '../../support/sandbox';

const env = useEngineWithSandbox('default', { emulators: ['legitmark'] });
const legitmark = () => env.emulators.legitmark;

beforeEach(() => legitmark().reset());

async function waitForResult(serviceRequestId: string, options: Record<string, number>) {
	const run = await env.engine.run({
		nodes: [
			{ name: 'Start', type: 'setFields', parameters: {} },
			{
				name: 'Wait for Result',
				type: 'legitmark',
				parameters: {
					resource: 'serviceRequest',
					operation: 'waitForResult',
					serviceRequestId,
					options,
				},
				credentials: { legitmarkApi: { id: 'legitmarkSandbox', name: 'Legitmark sandbox' } },
			},
		],
		credentials: {
			legitmarkApi: {
				apiKey: legitmark().apiKey,
				baseUrl: legitmark().url,
				assetBaseUrl: legitmark().url,
			},
		},
	});
	return {
		item: run.output('Wait for Result')[0]?.json,
		error: run.error('Wait for Result'),
		looks: legitmark().calls.filter((call) => call.path === `/api/v2/sr/${serviceRequestId}`),
	};
}

test.each([
	['COMPLETE', 'APPROVED', 'authentic'],
	['COMPLETE', 'REJECTED', 'not_authentic'],
	['QC', 'REJECTED', 'retake_photos'],
	['CANCELLED', null, 'cancelled'],
])('waits through QC and UNDERWAY until %s+%s: %s', async (primary, supplement, verdict) => {
	const sr = legitmark().seedServiceRequest();
	legitmark().queueStates(sr.uuid, [
		{ primary: 'QC', supplement: 'PENDING' },
		{ primary: 'UNDERWAY', supplement: 'ASSIGNED' },
		{ primary, supplement },
	]);
	const { item, error, looks } = await waitForResult(sr.uuid, {
		pollIntervalSeconds: 0.1,
		timeoutSeconds: 30,
	});
	expect(error).toBeUndefined();
	expect(item).toEqual(
		expect.objectContaining({ uuid: sr.uuid, state: { primary, supplement }, verdict }),
	);
	expect(item?.waitedMs).toEqual(expect.any(Number));
	expect(looks).toHaveLength(3);
});

test('a 429 only delays the next look', async () => {
	const sr = legitmark().seedServiceRequest();
	legitmark().queueStates(sr.uuid, [{ primary: 'COMPLETE', supplement: 'APPROVED' }]);
	legitmark().failNext({ status: 429, method: 'GET', path: `/api/v2/sr/${sr.uuid}`, times: 2 });
	const { item, error, looks } = await waitForResult(sr.uuid, {
		pollIntervalSeconds: 0.1,
		timeoutSeconds: 30,
	});
	expect(error).toBeUndefined();
	expect(item?.verdict).toBe('authentic');
	// Two looks answered 429, the third saw the verdict.
	expect(looks).toHaveLength(3);
});

test('the timeout fails the item, naming the option and the state it stayed in', async () => {
	const sr = legitmark().seedServiceRequest();
	legitmark().queueStates(sr.uuid, [{ primary: 'UNDERWAY', supplement: 'ASSIGNED' }]);
	const { error, looks } = await waitForResult(sr.uuid, { timeoutSeconds: 0 });
	expect(error?.message).toBe(
		`Service request ${sr.uuid} had no result within 0 s: it is still UNDERWAY+ASSIGNED [item 0]`,
	);
	expect(looks).toHaveLength(1);
});
