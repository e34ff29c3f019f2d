// The Legitmark Trigger served as n8n serves a production webhook (test/support/webhook-host.ts)
// and fed by the Legitmark emulator's Svix-signed deliveries over loopback: a valid delivery
// starts one execution with the verdict, anything unsigned is answered 401 and starts nothing.
import type { INodeParameters } from 'n8n-workflow';

import { DEFAULT_WEBHOOK_SECRET } from '../../support/emulators/legitmark';
import { useEngineWithSandbox } from '../../support/sandbox';
import { startWebhookHost, type WebhookHost } from '../../support/webhook-host';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { svixHeaders } = require('../../../sandbox/providers/legitmark-webhooks') as {
	svixHeaders(secret: string, id: string, timestamp: number, body: string): Record<string, string>;
};

const env = useEngineWithSandbox('default', { emulators: ['legitmark'] });
const legitmark = () => env.emulators.legitmark;
let host: WebhookHost;

async function startTrigger(parameters: INodeParameters = {}, secret = DEFAULT_WEBHOOK_SECRET) {
	host = await startWebhookHost(env.engine, {
		nodes: [
			{
				name: 'Legitmark Trigger',
				type: 'legitmarkTrigger',
				parameters,
				credentials: { legitmarkWebhookApi: { id: 'hook', name: 'Legitmark webhook' } },
			},
		],
		credentials: { legitmarkWebhookApi: { signingSecret: secret } },
	});
	legitmark().addWebhookEndpoint({ url: host.url, secret: DEFAULT_WEBHOOK_SECRET });
}

beforeEach(() => legitmark().reset());
afterEach(async () => await host?.close());

const emitted = () => host.runs.map((run) => run.output('Legitmark Trigger'));
const now = () => Math.floor(Date.now() / 1000);

describe('a signed delivery starts one execution with the verdict of the state', () => {
	test.each([
		['COMPLETE', 'APPROVED', 'authentic'],
		['COMPLETE', 'REJECTED', 'not_authentic'],
		['QC', 'REJECTED', 'retake_photos'],
		['CANCELLED', null, 'cancelled'],
		['DRAFT', null, 'in_progress'],
		['QC', 'PENDING', 'in_progress'],
		['UNDERWAY', 'ASSIGNED', 'in_progress'],
		['COMPLETE', 'COMPLETE', 'in_progress'],
	])('%s+%s: %s', async (primary, supplement, verdict) => {
		await startTrigger();
		const sr = legitmark().seedServiceRequest({ reference_id: 'SKU-7' });
		const [delivery] = await legitmark().moveServiceRequest(sr.uuid, { primary, supplement });
		expect(delivery.status).toBe(200);
		expect(emitted()).toHaveLength(1);
		expect(emitted()[0]).toHaveLength(1);
		expect(emitted()[0][0].json).toEqual(
			expect.objectContaining({
				event_type: 'state_change',
				sr_uuid: sr.uuid,
				reference_id: 'SKU-7',
				state: { primary, supplement },
				verdict,
				deliveryId: delivery.messageId,
			}),
		);
	});
});

test('media_rejected: retake_photos with the sides and their reasons', async () => {
	await startTrigger({ events: ['media_rejected'] });
	const sr = legitmark().seedServiceRequest();
	await legitmark().rejectMedia(sr.uuid, [
		{ side: 'Front', side_uuid: 'f-1', reason: 'blurry', message: 'Retake in daylight' },
		{ side: 'Size Tag', reason: 'cropped', reason_description: 'Show the whole tag' } as never,
	]);
	// The state_change of the same move is not selected: one execution, for media_rejected.
	expect(emitted()).toHaveLength(1);
	expect(emitted()[0][0].json).toEqual(
		expect.objectContaining({
			event_type: 'media_rejected',
			verdict: 'retake_photos',
			retakeSides: [
				{ side: 'Front', sideUuid: 'f-1', reason: 'blurry', message: 'Retake in daylight' },
				{ side: 'Size Tag', reason: 'cropped', message: 'Show the whole tag' },
			],
		}),
	);
});

test('invalidate_sr: cancelled, with the reason Legitmark gave', async () => {
	await startTrigger();
	const sr = legitmark().seedServiceRequest();
	await legitmark().invalidateServiceRequest(sr.uuid, { code: 'duplicate', message: 'Twice' });
	expect(emitted().map((items) => items[0].json.verdict)).toEqual(['cancelled']);
	expect(emitted()[0][0].json.invalidation_reason).toEqual({ code: 'duplicate', message: 'Twice' });
});

test('a retried delivery (same svix-id) starts the workflow once and is still answered 200', async () => {
	await startTrigger();
	const sr = legitmark().seedServiceRequest();
	const [first] = await legitmark().moveServiceRequest(sr.uuid, {
		primary: 'COMPLETE',
		supplement: 'APPROVED',
	});
	const [retry] = await legitmark().redeliver(first.messageId);
	expect(retry).toEqual(expect.objectContaining({ attempt: 2, status: 200 }));
	expect(JSON.parse(retry.response)).toEqual({ received: true, duplicate: first.messageId });
	expect(host.runs).toHaveLength(1);
});

describe('refused with 401 and no execution', () => {
	const body = JSON.stringify({
		event_type: 'state_change',
		sr_uuid: '8e61c991-553a-4a58-9eb6-561b64c11908',
		reference_id: 'SKU-1',
		timestamp: new Date().toISOString(),
		state: { primary: 'COMPLETE', supplement: 'APPROVED' },
	});

	async function post(headers: Record<string, string>, payload = body) {
		const res = await fetch(host.url, { method: 'POST', headers, body: payload });
		return { status: res.status, message: ((await res.json()) as { message: string }).message };
	}

	test('a signed delivery of this very body is accepted (the baseline of the cases below)', async () => {
		await startTrigger();
		const answer = await post(svixHeaders(DEFAULT_WEBHOOK_SECRET, 'msg_ok', now(), body));
		expect(answer.status).toBe(200);
		expect(host.runs).toHaveLength(1);
	});

	test('a tampered body', async () => {
		await startTrigger();
		const headers = svixHeaders(DEFAULT_WEBHOOK_SECRET, 'msg_1', now(), body);
		const answer = await post(headers, body.replace('APPROVED', 'REJECTED'));
		expect(answer).toEqual({
			status: 401,
			message: 'Signature check failed: no signature in svix-signature matches',
		});
		expect(host.runs).toHaveLength(0);
	});

	test('a signature made with another secret', async () => {
		await startTrigger({}, `whsec_${Buffer.from('another endpoint secret').toString('base64')}`);
		const sr = legitmark().seedServiceRequest();
		const [delivery] = await legitmark().moveServiceRequest(sr.uuid, { primary: 'QC' });
		expect(delivery.status).toBe(401);
		expect(host.runs).toHaveLength(0);
	});

	test('a timestamp older than the tolerance', async () => {
		await startTrigger({ options: { toleranceSeconds: 300 } });
		const answer = await post(svixHeaders(DEFAULT_WEBHOOK_SECRET, 'msg_2', now() - 301, body));
		expect(answer).toEqual({
			status: 401,
			message: 'Signature check failed: svix-timestamp is more than 300 s from now',
		});
		expect(host.runs).toHaveLength(0);
	});

	test.each(['svix-id', 'svix-timestamp', 'svix-signature'])('no %s header', async (name) => {
		await startTrigger();
		const headers = svixHeaders(DEFAULT_WEBHOOK_SECRET, 'msg_3', now(), body);
		delete headers[name];
		const answer = await post(headers);
		expect(answer).toEqual({
			status: 401,
			message:
				'Signature check failed: the svix-id, svix-timestamp or svix-signature header is missing',
		});
		expect(host.runs).toHaveLength(0);
	});
});

test('events of other reference IDs are answered 200 and start nothing', async () => {
	await startTrigger({ referenceIds: 'SKU-1, SKU-2' });
	const other = legitmark().seedServiceRequest({ reference_id: 'SKU-3' });
	const mine = legitmark().seedServiceRequest({ reference_id: 'SKU-2' });
	const [ignored] = await legitmark().moveServiceRequest(other.uuid, { primary: 'QC' });
	await legitmark().moveServiceRequest(mine.uuid, { primary: 'QC' });
	expect(ignored.status).toBe(200);
	expect(JSON.parse(ignored.response)).toEqual({
		received: true,
		ignored: 'reference_id SKU-3 is not in the filter',
	});
	expect(emitted().map((items) => items[0].json.reference_id)).toEqual(['SKU-2']);
});

test('a credential secret that is not whsec_… is answered 500 with what to fix, and starts nothing', async () => {
	await startTrigger({}, 'not-a-svix-secret');
	const sr = legitmark().seedServiceRequest();
	const [delivery] = await legitmark().moveServiceRequest(sr.uuid, { primary: 'QC' });
	expect(delivery.status).toBe(500);
	expect(JSON.parse(delivery.response).message).toBe(
		'The Signing Secret of the Legitmark Webhook credential must be the whsec_… secret of this endpoint',
	);
	expect(host.runs).toHaveLength(0);
});
