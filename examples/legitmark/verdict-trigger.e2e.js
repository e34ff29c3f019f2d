'use strict';
// What `npm run test:e2e` checks for verdict-trigger.json (see test/e2e/README.md, "Trigger
// examples"): the workflow is published in the running n8n, the Legitmark emulator delivers
// Svix-signed events to its production webhook URL, and each execution took the branch of its
// verdict. A retried delivery and a tampered one start nothing.
const { DEFAULT_WEBHOOK_SECRET } = require('../../sandbox/providers/legitmark');

const REJECTED_SIDES = [
	{ side: 'Front', reason: 'blurry', message: 'Retake the front in daylight' },
	{ side: 'Interior Size Tag', reason: 'cropped', message: 'Show the whole tag' },
];

/** Each delivery that must start one execution: the verdict and the branch it must take. */
const EXPECTED = [
	{
		reference: 'SKU-AUTH',
		event: 'state_change',
		verdict: 'authentic',
		branch: 'Authentic: list the item',
	},
	{
		reference: 'SKU-FAKE',
		event: 'state_change',
		verdict: 'not_authentic',
		branch: 'Not authentic: hold the item',
	},
	{
		reference: 'SKU-RETAKE',
		event: 'state_change',
		verdict: 'retake_photos',
		branch: 'Retake photos',
	},
	{
		reference: 'SKU-RETAKE',
		event: 'media_rejected',
		verdict: 'retake_photos',
		branch: 'Retake photos',
	},
	{ reference: 'SKU-VOID', event: 'invalidate_sr', verdict: 'cancelled', branch: 'Cancelled' },
	{
		reference: 'SKU-BUSY',
		event: 'state_change',
		verdict: 'in_progress',
		branch: 'Still in progress',
	},
];

const BRANCHES = [...new Set(EXPECTED.map((e) => e.branch))];

module.exports = {
	covers: ['webhook-trigger'],
	credentials: [
		{
			id: 'legitmarkWebhookSandbox',
			name: 'Legitmark webhook sandbox',
			type: 'legitmarkWebhookApi',
			data: { signingSecret: DEFAULT_WEBHOOK_SECRET },
		},
	],
	trigger: {
		/** The trigger node's webhookId and path: its production URL is /webhook/<this>. */
		path: '3f0c8d52-6a4e-4f1b-9c7d-2e5a8b1c4d70/webhook',
		executions: EXPECTED.length,
		/** Registers the URL with the emulator and moves five service requests; returns what was sent. */
		async deliver({ sandbox, webhookUrl }) {
			const legitmark = sandbox.emulators.legitmark;
			legitmark.addWebhookEndpoint({ url: webhookUrl, secret: DEFAULT_WEBHOOK_SECRET });
			const seed = (reference) => legitmark.seedServiceRequest({ reference_id: reference }).uuid;
			const sent = [];
			const authentic = seed('SKU-AUTH');
			sent.push(
				...(await legitmark.moveServiceRequest(authentic, {
					primary: 'COMPLETE',
					supplement: 'APPROVED',
				})),
			);
			sent.push(
				...(await legitmark.moveServiceRequest(seed('SKU-FAKE'), {
					primary: 'COMPLETE',
					supplement: 'REJECTED',
				})),
			);
			sent.push(...(await legitmark.rejectMedia(seed('SKU-RETAKE'), REJECTED_SIDES)));
			sent.push(
				...(await legitmark.invalidateServiceRequest(seed('SKU-VOID'), {
					code: 'duplicate_item',
					message: 'The item was submitted twice',
				})),
			);
			sent.push(
				...(await legitmark.moveServiceRequest(seed('SKU-BUSY'), {
					primary: 'UNDERWAY',
					supplement: 'ASSIGNED',
				})),
			);
			// Svix's retry of the first message: same svix-id, so no second execution.
			const retried = await legitmark.redeliver(sent[0].messageId);
			return { sent, retried };
		},
		/** executions: [{ id, status, trigger (its output JSON), branches (our branch nodes that ran), items(name) }]. */
		check({ executions, delivered }) {
			const failed = [...delivered.sent, ...delivered.retried].filter((d) => d.status !== 200);
			if (failed.length) {
				throw new Error(`n8n answered deliveries with ${failed.map((d) => d.status).join(', ')}`);
			}
			const duplicate = JSON.parse(delivered.retried[0].response);
			if (duplicate.duplicate !== delivered.sent[0].messageId) {
				throw new Error(`the retried delivery was answered ${delivered.retried[0].response}`);
			}
			if (executions.length !== EXPECTED.length) {
				throw new Error(
					`${executions.length} executions, expected ${EXPECTED.length} (one per delivery, none for the retry)`,
				);
			}
			for (const want of EXPECTED) {
				const match = executions.find(
					(e) =>
						e.trigger?.reference_id === want.reference &&
						e.trigger?.event_type === want.event &&
						!e.claimed,
				);
				if (!match) throw new Error(`no execution for ${want.event} of ${want.reference}`);
				match.claimed = true;
				if (match.status !== 'success')
					throw new Error(`${want.reference}: execution ${match.status}`);
				if (match.trigger.verdict !== want.verdict) {
					throw new Error(
						`${want.reference}: verdict ${match.trigger.verdict}, expected ${want.verdict}`,
					);
				}
				const ran = match.branches.filter((b) => BRANCHES.includes(b));
				if (ran.length !== 1 || ran[0] !== want.branch) {
					throw new Error(
						`${want.reference} (${want.event}) went to ${ran.join(', ') || 'no branch'}, expected ${want.branch}`,
					);
				}
				if (want.event === 'media_rejected') {
					const listed = match.items('Retake photos')?.[0]?.json?.sidesToRetake;
					const expected = REJECTED_SIDES.map((s) => `${s.side}: ${s.message}`).join('; ');
					if (listed !== expected)
						throw new Error(`Retake photos listed "${listed}", expected "${expected}"`);
				}
			}
		},
	},
};
