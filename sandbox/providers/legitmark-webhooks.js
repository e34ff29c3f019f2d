'use strict';
// Legitmark's webhooks as Svix delivers them: every event goes to every registered endpoint as a
// POST of the event JSON with svix-id, svix-timestamp and svix-signature headers. The signature
// is `v1,` + base64 HMAC-SHA256 of `<id>.<timestamp>.<body>` under the base64 part of the
// endpoint's `whsec_…` secret. A retry of a message keeps its id and body and is signed afresh
// with the time of the attempt.
const crypto = require('node:crypto');

/** The endpoint secret the sandbox registers when none is given (the examples name it). */
const DEFAULT_WEBHOOK_SECRET = `whsec_${Buffer.from('legitmark-sandbox-signing-key-01').toString('base64')}`;

function keyOf(secret) {
	return Buffer.from(secret.slice('whsec_'.length), 'base64');
}

/** `v1,<base64>` over `<id>.<timestamp>.<body>`. */
function svixSignature(secret, id, timestamp, body) {
	const hmac = crypto.createHmac('sha256', keyOf(secret));
	hmac.update(`${id}.${timestamp}.${body}`);
	return `v1,${hmac.digest('base64')}`;
}

/** The three headers of one delivery attempt. */
function svixHeaders(secret, id, timestamp, body) {
	return {
		'content-type': 'application/json',
		'svix-id': id,
		'svix-timestamp': String(timestamp),
		'svix-signature': svixSignature(secret, id, timestamp, body),
	};
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function createWebhookSender() {
	const endpoints = [];
	const messages = new Map();
	const deliveries = [];

	async function attempt(message, endpoint) {
		const timestamp = nowSeconds();
		const headers = svixHeaders(endpoint.secret, message.id, timestamp, message.body);
		const attemptNo = deliveries.filter(
			(d) => d.messageId === message.id && d.url === endpoint.url,
		).length;
		const record = { messageId: message.id, url: endpoint.url, attempt: attemptNo + 1, timestamp };
		try {
			const res = await fetch(endpoint.url, { method: 'POST', headers, body: message.body });
			record.status = res.status;
			record.response = await res.text();
		} catch (err) {
			record.status = 0;
			record.response = err.message;
		}
		deliveries.push(record);
		return record;
	}

	return {
		deliveries,
		/** Registers an endpoint; every later event is delivered to it. */
		addEndpoint({ url, secret = DEFAULT_WEBHOOK_SECRET }) {
			if (!/^https?:\/\//.test(String(url)))
				throw new Error('a webhook endpoint needs an http(s) URL');
			if (!String(secret).startsWith('whsec_'))
				throw new Error('a webhook secret starts with whsec_');
			const endpoint = { url, secret };
			endpoints.push(endpoint);
			return { ...endpoint };
		},
		endpoints: () => endpoints.map((e) => ({ ...e })),
		/** Sends one event to every endpoint; resolves to the delivery records, one per endpoint. */
		async send(event) {
			const message = {
				id: `msg_${crypto.randomBytes(12).toString('hex')}`,
				body: JSON.stringify(event),
			};
			messages.set(message.id, message);
			return await Promise.all(endpoints.map((endpoint) => attempt(message, endpoint)));
		},
		/** Svix's retry: the same message (id and body) again, signed with the attempt's time. */
		async redeliver(messageId) {
			const message = messages.get(messageId);
			if (!message) throw new Error(`no webhook message ${messageId}`);
			return await Promise.all(endpoints.map((endpoint) => attempt(message, endpoint)));
		},
		reset() {
			endpoints.length = 0;
			messages.clear();
			deliveries.length = 0;
		},
	};
}

module.exports = { createWebhookSender, svixHeaders, svixSignature, DEFAULT_WEBHOOK_SECRET };
