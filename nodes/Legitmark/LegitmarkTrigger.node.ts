import {
	NodeConnectionTypes,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IDataObject,
	type INodeCredentialTestResult,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { firstDelivery } from './helpers/deliveries';
import { DEFAULT_TOLERANCE_SECONDS, signingKeyOf, verifySvixDelivery } from './helpers/svix';
import {
	EVENT_TYPES,
	ignoredBecause,
	parseEvent,
	referenceIdList,
	triggerItem,
} from './helpers/webhookEvent';

const TOLERANCE = { min: 1, max: 86_400 };

/** Answers without starting the workflow. */
function refuse(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

function toleranceSeconds(ctx: IWebhookFunctions): number {
	const value = Number(ctx.getNodeParameter('options.toleranceSeconds', DEFAULT_TOLERANCE_SECONDS));
	return Number.isFinite(value) && value >= TOLERANCE.min && value <= TOLERANCE.max
		? value
		: DEFAULT_TOLERANCE_SECONDS;
}

// Legitmark publishes no API to register webhook endpoints: a user adds the URL in Legitmark's
// dashboard, so there is nothing for webhookMethods to create, check or delete.
// eslint-disable-next-line @n8n/community-nodes/webhook-lifecycle-complete
export class LegitmarkTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Legitmark Trigger',
		name: 'legitmarkTrigger',
		icon: {
			light: 'file:../../icons/legitmark.svg',
			dark: 'file:../../icons/legitmark.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			"Starts the workflow when Legitmark reports a service request's progress or verdict",
		defaults: { name: 'Legitmark Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'legitmarkWebhookApi', required: true, testedBy: 'legitmarkWebhookSecret' },
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					"Register this node's Production URL as a webhook endpoint in Legitmark (Settings → Developer → Webhooks) and put that endpoint's signing secret into the credential. Deliveries without a valid signature are answered 401 and start nothing.",
				name: 'registrationNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['state_change', 'media_rejected', 'invalidate_sr'],
				description:
					'Which events start the workflow; Legitmark sends every event to every endpoint',
				options: [
					{
						name: 'Media Rejected',
						value: 'media_rejected',
						description: 'Photos failed quality control; the item lists the sides to take again',
					},
					{
						name: 'Service Request Invalidated',
						value: 'invalidate_sr',
						description: 'The service request was cancelled or cannot be processed',
					},
					{
						name: 'State Change',
						value: 'state_change',
						description: 'The service request moved to a new state, including its final verdict',
					},
				],
			},
			{
				displayName: 'Reference IDs',
				name: 'referenceIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. SKU-10042, SKU-10043',
				description:
					'Only events of service requests with one of these reference IDs (comma-separated). Empty: every service request.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Timestamp Tolerance (Seconds)',
						name: 'toleranceSeconds',
						type: 'number',
						typeOptions: { minValue: TOLERANCE.min, maxValue: TOLERANCE.max },
						default: 300,
						description:
							"How far a delivery's svix-timestamp may be from this server's clock before it is refused as a possible replay",
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			async legitmarkWebhookSecret(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return signingKeyOf(String(credential.data?.signingSecret ?? ''))
					? { status: 'OK', message: 'The secret has the whsec_ form Svix signs with' }
					: {
							status: 'Error',
							message:
								'The Signing Secret must be whsec_ followed by base64, as Legitmark shows it for the endpoint',
						};
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials('legitmarkWebhookApi');
		const key = signingKeyOf(String(credentials.signingSecret ?? ''));
		if (!key) {
			this.logger.warn(
				`Legitmark Trigger "${this.getNode().name}" cannot check signatures: the Signing Secret in its credential is not a whsec_… secret.`,
			);
			return refuse(
				this,
				500,
				'The Signing Secret of the Legitmark Webhook credential must be the whsec_… secret of this endpoint',
			);
		}
		const request = this.getRequestObject() as { rawBody?: Buffer };
		const verification = verifySvixDelivery({
			headers: this.getHeaderData() as Record<string, string | string[] | undefined>,
			rawBody: request.rawBody,
			key,
			toleranceSeconds: toleranceSeconds(this),
		});
		if (!verification.ok)
			return refuse(this, 401, `Signature check failed: ${verification.reason}`);

		const event = parseEvent(request.rawBody as Buffer);
		if (typeof event === 'string') return refuse(this, 400, `Not a Legitmark event: ${event}`);
		const events = this.getNodeParameter('events', [...EVENT_TYPES]) as string[];
		const referenceIds = referenceIdList(String(this.getNodeParameter('referenceIds', '')));
		const ignored = ignoredBecause(event, events, referenceIds);
		if (ignored) return { webhookResponse: { received: true, ignored } };
		// Svix resends a message it got no 2xx for with the same id; it starts the workflow once.
		if (!firstDelivery(this.getWorkflowStaticData('node'), verification.id)) {
			return { webhookResponse: { received: true, duplicate: verification.id } };
		}
		const item: IDataObject = triggerItem(event, verification);
		return { workflowData: [[{ json: item }]] };
	}
}
