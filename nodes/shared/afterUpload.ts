import { ApiError } from './errors';

/** What a user needs to know when the file arrived but the provider was not told. */
export interface UploadedFile {
	provider: string;
	/** The provider's call that registers the file, as the node names it. */
	step: string;
	bytes: number;
	/** Set for a multipart upload whose parts are stored but not yet joined into one object. */
	partsOnly?: boolean;
	sha256: string;
	/** How to finish by hand, with the ids it takes. */
	resume: string;
}

/**
 * Runs the call that tells the provider about an uploaded file. It is a write and is never
 * repeated blindly (a second call may register the file twice); when it fails, the error keeps
 * the provider's status and message and says exactly what state the file is in.
 */
export async function registerUploaded<T>(file: UploadedFile, call: () => Promise<T>): Promise<T> {
	return await call().catch(async (error: unknown) => {
		if (!(error instanceof ApiError)) return await Promise.reject(error);
		const state =
			`${file.partsOnly ? 'Every part of the file is stored' : 'The file is stored whole'} (${file.bytes} bytes, SHA-256 ${file.sha256}), but ${file.step} ` +
			`failed, so ${file.provider} has not registered it; the call was not repeated, so nothing is registered twice. ` +
			`Do not upload the file again: ${file.resume}`;
		const description = [error.details.description, state].filter(Boolean).join(' ');
		return await Promise.reject(new ApiError(error.message, { ...error.details, description }));
	});
}
