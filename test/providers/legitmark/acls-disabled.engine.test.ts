// Legitmark's upload URLs sign x-amz-acl. Against a bucket with ACLs disabled (S3's default for
// new buckets) the upload fails, and the item says why and who can fix it.
import { useEngineWithSandbox } from '../../support/sandbox';
import { SIDES, TAXONOMY } from '../../support/emulators/legitmark';

const env = useEngineWithSandbox('filesystem', {
	emulators: ['legitmark'],
	storage: { aclsEnabled: false },
});

it('fails the photo with AccessControlListNotSupported and what to do about it', async () => {
	const legitmark = env.emulators.legitmark;
	const credential = { legitmarkApi: { id: 'legitmarkSandbox', name: 'Legitmark sandbox' } };
	const run = await env.engine.run({
		nodes: [
			{
				name: 'Photo',
				type: 'binarySource',
				parameters: { size: 2048, fileName: 'front.jpg', mimeType: 'image/jpeg' },
			},
			{
				name: 'Create',
				type: 'legitmark',
				parameters: {
					resource: 'serviceRequest',
					operation: 'create',
					referenceId: 'SKU-ACL',
					categoryId: TAXONOMY.category.uuid,
					typeId: TAXONOMY.type.uuid,
				},
				credentials: credential,
			},
			{
				name: 'Upload',
				type: 'legitmark',
				parameters: {
					resource: 'image',
					operation: 'uploadFile',
					serviceRequestId: "={{ $('Create').first().json.uuid }}",
					sideId: SIDES[0].uuid,
					binaryPropertyName: 'data',
				},
				credentials: credential,
			},
		],
		credentials: {
			legitmarkApi: {
				apiKey: legitmark.apiKey,
				baseUrl: legitmark.url,
				assetBaseUrl: legitmark.url,
			},
		},
	});

	const error = run.error('Upload') as
		| (Error & { description?: string; httpCode?: string })
		| undefined;
	expect(error?.message).toBe(
		'Storage rejected the upload: AccessControlListNotSupported - The bucket does not allow ACLs [item 0]',
	);
	expect(error?.httpCode).toBe('400');
	expect(error?.description).toContain(
		'The service that issued the URL must sign it without x-amz-acl',
	);
	expect(env.storage.listObjects()).toEqual([]);
});
