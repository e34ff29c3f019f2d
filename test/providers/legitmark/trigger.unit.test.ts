// The Svix signature check and the verdicts, as pure functions.
import { firstDelivery } from '../../../nodes/Legitmark/helpers/deliveries';
import {
	signDelivery,
	signingKeyOf,
	verifySvixDelivery,
} from '../../../nodes/Legitmark/helpers/svix';
import { verdictOfEvent, verdictOfState } from '../../../nodes/Legitmark/helpers/verdict';

// The example on Svix's "Verifying Webhooks Manually" page and in its libraries' docs.
const SVIX_EXAMPLE = {
	secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
	id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
	timestamp: 1614265330,
	body: '{"test": 2432232314}',
	signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const key = signingKeyOf(SVIX_EXAMPLE.secret)!;

function verify(headers: Record<string, string>, body = SVIX_EXAMPLE.body) {
	return verifySvixDelivery({
		headers,
		rawBody: Buffer.from(body),
		key,
		toleranceSeconds: 300,
		nowSeconds: SVIX_EXAMPLE.timestamp + 10,
	});
}

const exampleHeaders = (signature = SVIX_EXAMPLE.signature) => ({
	'svix-id': SVIX_EXAMPLE.id,
	'svix-timestamp': String(SVIX_EXAMPLE.timestamp),
	'svix-signature': signature,
});

describe("Svix's signature", () => {
	test("signing Svix's example gives Svix's signature", () => {
		expect(signDelivery(key, SVIX_EXAMPLE.id, SVIX_EXAMPLE.timestamp, SVIX_EXAMPLE.body)).toBe(
			SVIX_EXAMPLE.signature,
		);
	});

	test("Svix's example verifies, and says its id and timestamp", () => {
		expect(verify(exampleHeaders())).toEqual({
			ok: true,
			id: SVIX_EXAMPLE.id,
			timestamp: SVIX_EXAMPLE.timestamp,
		});
	});

	test('one matching signature among several is enough (a rotated secret)', () => {
		const list = `v1,bm9ldHUjKzFob2VudXRob2VodWVudGhvZXVudGhvZXU= ${SVIX_EXAMPLE.signature}`;
		expect(verify(exampleHeaders(list)).ok).toBe(true);
	});

	test('a signature of another version than v1 does not count', () => {
		const v2 = SVIX_EXAMPLE.signature.replace('v1,', 'v2,');
		expect(verify(exampleHeaders(v2))).toEqual({
			ok: false,
			reason: 'no signature in svix-signature matches',
		});
	});

	test("the webhook- headers of white-labelled senders are read like Svix's", () => {
		const headers = {
			'webhook-id': SVIX_EXAMPLE.id,
			'webhook-timestamp': String(SVIX_EXAMPLE.timestamp),
			'webhook-signature': SVIX_EXAMPLE.signature,
		};
		expect(verify(headers).ok).toBe(true);
	});

	test('a body changed by one character fails', () => {
		expect(verify(exampleHeaders(), '{"test": 2432232315}').ok).toBe(false);
	});

	test('a timestamp in the future beyond the tolerance fails like a past one', () => {
		const result = verifySvixDelivery({
			headers: exampleHeaders(),
			rawBody: Buffer.from(SVIX_EXAMPLE.body),
			key,
			toleranceSeconds: 300,
			nowSeconds: SVIX_EXAMPLE.timestamp - 301,
		});
		expect(result).toEqual({ ok: false, reason: 'svix-timestamp is more than 300 s from now' });
	});

	test.each(['', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'whsec_', 'whsec_not base64!'])(
		'%j is not a signing secret',
		(secret) => {
			expect(signingKeyOf(secret)).toBeUndefined();
		},
	);
});

describe('verdicts', () => {
	test.each([
		[{ primary: 'COMPLETE', supplement: 'APPROVED' }, 'authentic'],
		[{ primary: 'COMPLETE', supplement: 'REJECTED' }, 'not_authentic'],
		[{ primary: 'QC', supplement: 'REJECTED' }, 'retake_photos'],
		[{ primary: 'CANCELLED', supplement: null }, 'cancelled'],
		[{ primary: 'CANCELLED', supplement: 'REJECTED' }, 'cancelled'],
		[{ primary: 'UNDERWAY', supplement: 'ASSIGNED' }, 'in_progress'],
		[{ primary: 'DRAFT', supplement: null }, 'in_progress'],
		[undefined, 'in_progress'],
	])('%j: %s', (state, verdict) => {
		expect(verdictOfState(state)).toBe(verdict);
	});

	test('media_rejected asks for new photos, invalidate_sr cancels, whatever their fields', () => {
		expect(verdictOfEvent({ event_type: 'media_rejected' })).toBe('retake_photos');
		expect(verdictOfEvent({ event_type: 'invalidate_sr' })).toBe('cancelled');
	});
});

describe('delivery ids', () => {
	test('an id is first once; the list keeps only the newest ids', () => {
		const staticData = {};
		expect(firstDelivery(staticData, 'a', 2)).toBe(true);
		expect(firstDelivery(staticData, 'a', 2)).toBe(false);
		expect(firstDelivery(staticData, 'b', 2)).toBe(true);
		expect(firstDelivery(staticData, 'c', 2)).toBe(true);
		expect(staticData).toEqual({ deliveryIds: ['b', 'c'] });
		expect(firstDelivery(staticData, 'a', 2)).toBe(true);
	});
});
