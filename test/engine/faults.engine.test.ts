// The engine stores node errors serialised, so they are recognised by name, not by class.
// What a user meets when storage misbehaves: transient faults are retried until the object is
// whole, permanent ones fail at once with the storage's own code and no secret in the text.
import { NodeApiError } from 'n8n-workflow';

import { useEngineWithSandbox, type StorageRequest, type StorageSandbox } from '../support/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternSha256 } = require('../../sandbox/bytes');

const MiB = 1024 * 1024;

/** The storage's answer to the next request with this method. */
function answered(storage: StorageSandbox, method: string): Promise<StorageRequest> {
	return new Promise((resolve) => {
		storage.on('request', function seen(request) {
			if (request.method !== method) return;
			storage.off('request', seen);
			resolve(request);
		});
	});
}

/** Resolves once the storage has no request left in flight. */
function whenIdle(storage: StorageSandbox): Promise<void> {
	return new Promise((resolve) => {
		const check = () => {
			if (storage.stats.inFlight > 0) return;
			storage.off('request', check);
			resolve();
		};
		storage.on('request', check);
		check();
	});
}

describe('storage faults', () => {
	const env = useEngineWithSandbox('filesystem');

	const upload = async (size: number, target: unknown, options: Record<string, unknown> = {}) =>
		await env.engine.run({
			nodes: [
				{ name: 'Source', type: 'binarySource', parameters: { size } },
				{
					name: 'Upload',
					type: 'presignedUpload',
					parameters: { target: target as never, options: options as never },
				},
			],
		});

	it('completes a multipart upload byte-identical through two 503s and a connection reset', async () => {
		const size = 12 * MiB + 3;
		const key = 'faults/multipart.bin';
		const target = await env.storage.createMultipartUpload(key, { size, partSize: 5 * MiB });
		const unavailable = env.storage.faults.inject({
			method: 'PUT',
			pathIncludes: 'partNumber=2',
			status: 503,
			times: 2,
		});
		const reset = env.storage.faults.inject({
			method: 'PUT',
			pathIncludes: 'partNumber=3',
			resetMidBody: true,
		});

		const run = await upload(size, target);

		expect(run.error('Upload')).toBeUndefined();
		expect(unavailable.fired).toBe(2);
		expect(reset.fired).toBe(1);
		expect(env.storage.getObject(key)).toMatchObject({ size, sha256: patternSha256(size, 1) });
		expect(run.output('Upload')[0].json.upload).toMatchObject({
			bytes: size,
			sha256: patternSha256(size, 1),
		});
		expect((run.output('Upload')[0].json.upload as { etags: unknown[] }).etags).toHaveLength(3);
	}, 60_000);

	it('retries a streamed PUT after a 503 and a reset by reading the file again', async () => {
		const size = 3 * MiB;
		const key = 'faults/put.bin';
		const target = await env.storage.presignPut(key, {});
		const unavailable = env.storage.faults.inject({ method: 'PUT', status: 503, retryAfter: 0 });
		const reset = env.storage.faults.inject({ method: 'PUT', nth: 2, resetMidBody: true });

		const run = await upload(size, target);

		expect(run.error('Upload')).toBeUndefined();
		expect(unavailable.fired).toBe(1);
		expect(reset.fired).toBe(1);
		expect(env.storage.getObject(key)).toMatchObject({ size, sha256: patternSha256(size, 1) });
	}, 30_000);

	it('does not retry SignatureDoesNotMatch and shows the storage code without the signature', async () => {
		const key = 'faults/tampered.bin';
		const target = await env.storage.presignPut(key, { contentType: 'application/octet-stream' });
		const signature = new URL(target.url).searchParams.get('X-Amz-Signature') as string;
		const tampered = target.url.replace(
			signature,
			signature.replace(/^./, (c: string) => (c === 'a' ? 'b' : 'a')),
		);
		env.storage.resetStats();

		const run = await upload(10, { ...target, url: tampered });

		const error = run.error('Upload') as NodeApiError;
		expect(error.name).toBe('NodeApiError');
		expect(error.httpCode).toBe('403');
		expect(error.message).toContain('SignatureDoesNotMatch');
		const shown = JSON.stringify({
			message: error.message,
			description: error.description,
			context: error.context,
		});
		expect(shown).not.toContain(signature);
		expect(shown).not.toContain(tampered.split('X-Amz-Signature=')[1].slice(0, 20));
		expect(shown).not.toMatch(/X-Amz-Credential=AKIA/);
		expect(env.storage.stats.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
		expect(env.storage.getObject(key)).toBeUndefined();
	}, 30_000);

	it('reports when an expired URL expired, without sending the file', async () => {
		const key = 'faults/expired.bin';
		// Signed an hour ago for a minute: expired, without waiting for a clock.
		const target = await env.storage.presignPut(key, {
			expiresIn: 60,
			signingDate: new Date(Date.now() - 3_600_000),
		});
		env.storage.resetStats();

		const run = await upload(10, target);

		const error = run.error('Upload') as Error;
		expect(error.message).toMatch(/expired at \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
		expect(error.message).toContain(new Date(target.expiresAt).toISOString().slice(0, 19));
		expect(env.storage.stats.requests).toHaveLength(0);
	}, 30_000);

	it('keeps the storage error when retries run out', async () => {
		const target = await env.storage.presignPut('faults/down.bin', {});
		env.storage.faults.inject({ method: 'PUT', status: 503, times: 10, retryAfter: 0 });

		const run = await upload(10, target, { maxAttempts: 3 });

		const error = run.error('Upload') as NodeApiError;
		expect(error.name).toBe('NodeApiError');
		expect(error.httpCode).toBe('503');
		expect(error.message).toMatch(/SlowDown.*gave up after 3 attempts/);
		expect(env.storage.getObject('faults/down.bin')).toBeUndefined();
	}, 30_000);

	it('aborts a multipart upload whose part fails for good, so no parts are left stored', async () => {
		const size = 11 * MiB;
		const target = await env.storage.createMultipartUpload('faults/aborted.bin', {
			size,
			partSize: 5 * MiB,
		});
		env.storage.faults.inject({
			method: 'PUT',
			pathIncludes: 'partNumber=2',
			status: 403,
			code: 'AccessDenied',
			message: 'Access Denied',
		});

		const run = await upload(size, target);

		expect(run.error('Upload')?.message).toMatch(/AccessDenied/);
		expect(env.storage.listUploads().filter((open) => open.uploadId === target.uploadId)).toEqual(
			[],
		);
		expect(env.storage.getObject('faults/aborted.bin')).toBeUndefined();
	}, 30_000);

	it('aborts the upload when completing it fails', async () => {
		const size = 6 * MiB;
		const target = await env.storage.createMultipartUpload('faults/not-completed.bin', {
			size,
			partSize: 5 * MiB,
		});
		env.storage.faults.inject({
			method: 'POST',
			pathIncludes: 'uploadId=',
			status: 400,
			code: 'MalformedXML',
		});

		const run = await upload(size, target);

		expect(run.error('Upload')?.message).toMatch(/MalformedXML/);
		expect(env.storage.listUploads().filter((open) => open.uploadId === target.uploadId)).toEqual(
			[],
		);
	}, 30_000);

	it('stops uploading when the execution is cancelled, and aborts the multipart upload', async () => {
		const size = 21 * MiB;
		const target = await env.storage.createMultipartUpload('faults/cancelled.bin', {
			size,
			partSize: 5 * MiB,
		});
		env.storage.resetStats();
		// Parts wait at the storage, so the first part is still in flight when the cancel comes.
		env.storage.setLatency(1500);
		const abort = answered(env.storage, 'DELETE');

		const run = await env.engine.run({
			nodes: [
				{ name: 'Source', type: 'binarySource', parameters: { size } },
				{
					name: 'Upload',
					type: 'presignedUpload',
					parameters: { target: target as never, options: { partConcurrency: 1 } as never },
				},
			],
			cancelWhen: (cancel) =>
				env.storage.on('arrival', function first() {
					env.storage.off('arrival', first);
					cancel();
				}),
		});
		// The abort goes out although the execution's own signal has already fired.
		expect((await abort).status).toBe(204);
		await whenIdle(env.storage);
		env.storage.setLatency(0);

		expect(run.error('Upload')?.message).toBe(
			'The upload was stopped because the execution was cancelled [item 0]',
		);
		const parts = env.storage.stats.requests.filter((request) => request.method === 'PUT');
		expect(parts.length).toBeLessThanOrEqual(2);
		expect(env.storage.getObject('faults/cancelled.bin')).toBeUndefined();
		expect(env.storage.listUploads()).toEqual([]);
	}, 30_000);
});
