// The failure a test expects, of the class it expects: anything else fails the test with what came instead.
import { InputError } from '../../nodes/transfer/errors';

/** The InputError that `run` throws. */
export function inputErrorOf(run: () => unknown): InputError {
	try {
		run();
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error('expected an InputError');
}

/** The rejection of `promise`, which must be an instance of `kind`. */
export async function rejectionOf<T extends Error>(
	promise: Promise<unknown>,
	kind: new (...args: never[]) => T,
): Promise<T> {
	const error = await promise.then(
		() => undefined,
		(failure: unknown) => failure,
	);
	if (!(error instanceof kind)) throw new Error(`expected a ${kind.name}, got ${String(error)}`);
	return error;
}
