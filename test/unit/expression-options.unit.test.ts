// Numeric options typed as expressions skip the editor's minimums: the nodes check them at run
// time and fail the item naming the option, before any request.
import { useNockedEngine } from '../support/nock';

const env = useNockedEngine('default');

const SR = '8e61c991-553a-4a58-9eb6-561b64c11908';
const PUT_TARGET = {
	method: 'PUT',
	url: 'https://storage.example.com/bucket/key?X-Amz-Signature=feedbeef',
	headers: {},
};
const MULTIPART_TARGET = {
	method: 'MULTIPART',
	partSize: 5 * 1024 * 1024,
	parts: [{ partNumber: 1, url: 'https://storage.example.com/bucket/key?partNumber=1' }],
};

const source = {
	name: 'Source',
	type: 'binarySource',
	parameters: { size: 1000, fileName: 'front.jpg', mimeType: 'image/jpeg' },
};

describe('options fed by expressions', () => {
	it.each([
		['Max Attempts', { maxAttempts: '={{ 0/0 }}' }, PUT_TARGET, 'got NaN'],
		['Parts at Once', { partConcurrency: '={{ 0/0 }}' }, MULTIPART_TARGET, 'got NaN'],
		['Timeout (Seconds)', { timeoutSeconds: '={{ 0 }}' }, PUT_TARGET, 'got 0'],
		['Timeout (Seconds)', { timeoutSeconds: '={{ -1 }}' }, PUT_TARGET, 'got -1'],
		['Timeout (Seconds)', { timeoutSeconds: '={{ 0/0 }}' }, PUT_TARGET, 'got NaN'],
	])('Presigned Upload refuses "%s" = %j before sending', async (label, options, target, got) => {
		const run = await env.engine.run({
			nodes: [
				source,
				{
					name: 'Upload',
					type: 'presignedUpload',
					parameters: { target: target as never, options: options as never },
				},
			],
		});

		expect(run.error('Upload')?.message).toMatch(`"${label}" must be`);
		expect(run.error('Upload')?.message).toMatch(`${got} [item 0]`);
		expect(env.unexpected.count()).toBe(0);
	});

	it.each([
		['Poll Interval (Seconds)', { pollIntervalSeconds: '={{ 0/0 }}' }],
		['Timeout (Seconds)', { timeoutSeconds: '={{ 0/0 }}' }],
		['Timeout (Seconds)', { timeoutSeconds: '={{ -5 }}' }],
	])('Legitmark Wait for Requirements refuses "%s" = %j before asking', async (label, options) => {
		const run = await env.engine.run({
			nodes: [
				source,
				{
					name: 'Wait',
					type: 'legitmark',
					parameters: {
						resource: 'serviceRequest',
						operation: 'waitForRequirements',
						serviceRequestId: SR,
						options: options as never,
					},
					credentials: { legitmarkApi: { id: 'unit', name: 'Legitmark unit tests' } },
				},
			],
			credentials: {
				legitmarkApi: {
					apiKey: 'leo_unit_test_key',
					baseUrl: 'https://api.legitmark.com',
					assetBaseUrl: 'https://asset.legitmark.com',
				},
			},
		});

		expect(run.error('Wait')?.message).toMatch(`"${label}" must be`);
		expect(env.unexpected.count()).toBe(0);
	});
});
