// A register call that fails after the bytes arrived: the provider's error stays, and the
// description says exactly what state the file is in and how to finish by hand.
import { registerUploaded, type UploadedFile } from '../../nodes/shared/afterUpload';
import { ApiError } from '../../nodes/shared/errors';

const file: UploadedFile = {
	provider: 'Example',
	step: 'Register File',
	bytes: 1234,
	sha256: 'ab'.repeat(32),
	resume: 'run Register File with file ID F-1.',
};

const STORED_WHOLE =
	`The file is stored whole (1234 bytes, SHA-256 ${'ab'.repeat(32)}), but Register File failed, ` +
	'so Example has not registered it; the call was not repeated, so nothing is registered twice. ' +
	'Do not upload the file again: run Register File with file ID F-1.';

async function failureOf(file: UploadedFile, error: unknown): Promise<unknown> {
	return await registerUploaded(file, async () => await Promise.reject(error)).then(
		() => undefined,
		(failure: unknown) => failure,
	);
}

describe('registerUploaded', () => {
	it("returns the call's answer when it succeeds, calling it once", async () => {
		const call = jest.fn(async () => ({ registered: true }));
		await expect(registerUploaded(file, call)).resolves.toEqual({ registered: true });
		expect(call).toHaveBeenCalledTimes(1);
	});

	it("keeps the provider's message, status and code, and adds the file's state after its description", async () => {
		const failure = await failureOf(
			file,
			new ApiError('Example answered with HTTP 500', {
				httpCode: 500,
				code: 'E_INTERNAL',
				description: 'Example could not handle the call.',
			}),
		);

		expect(failure).toBeInstanceOf(ApiError);
		expect((failure as ApiError).message).toBe('Example answered with HTTP 500');
		expect((failure as ApiError).details).toEqual({
			httpCode: 500,
			code: 'E_INTERNAL',
			description: `Example could not handle the call. ${STORED_WHOLE}`,
		});
	});

	it('gives the state alone when the provider said nothing more', async () => {
		const failure = await failureOf(file, new ApiError('Could not reach Example: timed out'));

		expect((failure as ApiError).details.description).toBe(STORED_WHOLE);
	});

	it('says every part is stored when the parts are not joined yet', async () => {
		const failure = await failureOf({ ...file, partsOnly: true }, new ApiError('failed'));

		expect((failure as ApiError).details.description).toBe(
			STORED_WHOLE.replace('The file is stored whole', 'Every part of the file is stored'),
		);
	});

	it('passes any other failure through unchanged', async () => {
		const other = new TypeError('not an API failure');
		await expect(failureOf(file, other)).resolves.toBe(other);
	});
});
