import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The signing secret of one webhook endpoint registered with Legitmark (delivered by Svix).
 * Legitmark has no call that checks a secret, so the Legitmark Trigger tests its form.
 */
export class LegitmarkWebhookApi implements ICredentialType {
	name = 'legitmarkWebhookApi';

	displayName = 'Legitmark Webhook API';

	icon: Icon = { light: 'file:../icons/legitmark.svg', dark: 'file:../icons/legitmark.dark.svg' };

	documentationUrl = 'https://docs.legitmark.com/webhook-reference/introduction';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'whsec_…',
			hint: "The secret Legitmark shows for the webhook endpoint whose URL is this trigger's Production URL. It starts with whsec_.",
		},
		{
			displayName:
				'This secret does not start with whsec_. Webhook signing secrets do: copy the whole secret of the endpoint.',
			name: 'prefixNotice',
			type: 'notice',
			default: '',
			displayOptions: {
				hide: {
					signingSecret: [
						'',
						{ _cnd: { startsWith: 'whsec_' } },
						{ _cnd: { startsWith: '__n8n_BLANK_VALUE' } },
					],
				},
			},
		},
	];
}
