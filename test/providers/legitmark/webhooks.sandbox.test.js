'use strict';
// The Legitmark emulator's state moves and its webhooks, signed as Svix signs them and delivered
// over loopback HTTP to a receiver that records what arrives.
const http = require('node:http');

const { startStorage } = require('../../../sandbox/storage');
const { startLegitmark, DEFAULT_API_KEY } = require('../../../sandbox/providers/legitmark');
const {
	svixSignature,
	DEFAULT_WEBHOOK_SECRET,
} = require('../../../sandbox/providers/legitmark-webhooks');

let storage;
let legitmark;
let receiver;
const received = [];

function startReceiver() {
	return new Promise((resolve) => {
		const server = http.createServer((req, res) => {
			const chunks = [];
			req.on('data', (c) => chunks.push(c));
			req.on('end', () => {
				received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
				res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
			});
		});
		server.listen(0, '127.0.0.1', () =>
			resolve({ url: `http://127.0.0.1:${server.address().port}/hook`, server }),
		);
	});
}

beforeAll(async () => {
	storage = await startStorage();
	legitmark = await startLegitmark({ storage });
	receiver = await startReceiver();
});

afterAll(async () => {
	await legitmark.close();
	await storage.close();
	await new Promise((resolve) => receiver.server.close(resolve));
});

beforeEach(() => {
	legitmark.reset();
	received.length = 0;
	legitmark.addWebhookEndpoint({ url: receiver.url });
});

/** Whether a received request carries a valid signature for the sandbox's endpoint secret. */
function signedWithDefaultSecret({ headers, body }) {
	const expected = svixSignature(
		DEFAULT_WEBHOOK_SECRET,
		headers['svix-id'],
		headers['svix-timestamp'],
		body,
	);
	return headers['svix-signature'].split(' ').includes(expected);
}

test("signs with Svix's published example: secret, id, timestamp and body give its signature", () => {
	expect(
		svixSignature(
			'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
			'msg_p5jXN8AQM9LWM0D4loKWxJek',
			1614265330,
			'{"test": 2432232314}',
		),
	).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
});

test('a state move delivers state_change with the new state, signed, with Svix headers', async () => {
	const sr = legitmark.seedServiceRequest({ reference_id: 'SKU-1' });
	const deliveries = await legitmark.moveServiceRequest(sr.uuid, {
		primary: 'COMPLETE',
		supplement: 'APPROVED',
	});
	expect(deliveries).toEqual([expect.objectContaining({ status: 200, attempt: 1 })]);
	expect(received).toHaveLength(1);
	const [delivery] = received;
	expect(delivery.headers['svix-id']).toMatch(/^msg_/);
	expect(Math.abs(Number(delivery.headers['svix-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
	expect(signedWithDefaultSecret(delivery)).toBe(true);
	expect(JSON.parse(delivery.body)).toEqual({
		event_type: 'state_change',
		sr_uuid: sr.uuid,
		reference_id: 'SKU-1',
		timestamp: expect.any(String),
		state: { primary: 'COMPLETE', supplement: 'APPROVED' },
	});
	expect(legitmark.serviceRequests.get(sr.uuid).state).toEqual({
		primary: 'COMPLETE',
		supplement: 'APPROVED',
	});
});

test('rejected photos deliver QC+REJECTED, then media_rejected listing the sides', async () => {
	const sr = legitmark.seedServiceRequest();
	const sides = [{ side: 'Front', reason: 'blurry', message: 'Retake in daylight' }];
	await legitmark.rejectMedia(sr.uuid, sides);
	expect(received.map((r) => JSON.parse(r.body))).toEqual([
		expect.objectContaining({
			event_type: 'state_change',
			state: { primary: 'QC', supplement: 'REJECTED' },
		}),
		expect.objectContaining({ event_type: 'media_rejected', sr_uuid: sr.uuid, sides }),
	]);
});

test('an invalidated request is CANCELLED and delivers invalidate_sr with its reason', async () => {
	const sr = legitmark.seedServiceRequest();
	const reason = { code: 'duplicate', message: 'Submitted twice' };
	await legitmark.invalidateServiceRequest(sr.uuid, reason);
	expect(JSON.parse(received[0].body)).toEqual(
		expect.objectContaining({ event_type: 'invalidate_sr', invalidation_reason: reason }),
	);
	expect(legitmark.serviceRequests.get(sr.uuid).state.primary).toBe('CANCELLED');
});

test('a retry of a delivery keeps its svix-id and body and is signed again', async () => {
	const sr = legitmark.seedServiceRequest();
	const [first] = await legitmark.moveServiceRequest(sr.uuid, {
		primary: 'UNDERWAY',
		supplement: 'ASSIGNED',
	});
	const [retry] = await legitmark.redeliver(first.messageId);
	expect(retry).toEqual(expect.objectContaining({ messageId: first.messageId, attempt: 2 }));
	expect(received).toHaveLength(2);
	expect(received[1].headers['svix-id']).toBe(received[0].headers['svix-id']);
	expect(received[1].body).toBe(received[0].body);
	expect(signedWithDefaultSecret(received[1])).toBe(true);
});

test('queued states are taken one per look at the request', async () => {
	const sr = legitmark.seedServiceRequest();
	legitmark.queueStates(sr.uuid, [
		{ primary: 'UNDERWAY', supplement: 'ASSIGNED' },
		{ primary: 'COMPLETE', supplement: 'REJECTED' },
	]);
	const look = async () => {
		const res = await fetch(`${legitmark.url}/api/v2/sr/${sr.uuid}`, {
			headers: { Authorization: `Bearer ${DEFAULT_API_KEY}` },
		});
		return (await res.json()).sr.state;
	};
	expect(await look()).toEqual({ primary: 'UNDERWAY', supplement: 'ASSIGNED' });
	expect(await look()).toEqual({ primary: 'COMPLETE', supplement: 'REJECTED' });
	expect(await look()).toEqual({ primary: 'COMPLETE', supplement: 'REJECTED' });
	expect(received).toHaveLength(2);
});

test('the HTTP test hook moves a request; an unknown state is refused in the envelope', async () => {
	const sr = legitmark.seedServiceRequest();
	const move = (body) =>
		fetch(`${legitmark.url}/sandbox/sr/${sr.uuid}/state`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
	const moved = await move({ primary: 'CANCELLED' });
	expect(moved.status).toBe(200);
	expect((await moved.json()).sr.state).toEqual({ primary: 'CANCELLED', supplement: null });
	const refused = await move({ primary: 'DONE' });
	expect(refused.status).toBe(400);
	expect((await refused.json()).error.message).toBe('Unknown state DONE+null');
	expect(received).toHaveLength(1);
});
