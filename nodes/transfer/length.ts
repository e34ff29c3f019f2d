import { TransferError } from './errors';

/** A file that yielded another number of bytes than its recorded size: never an upload done. */
export function lengthMismatch(sent: number, expected: number): TransferError {
	return new TransferError(
		`The binary yielded ${sent} bytes but its stored size is ${expected} bytes`,
		{
			description:
				'The file changed or was cut short while it was read. Nothing was reported as uploaded.',
			retryable: false,
		},
	);
}

/** A storage that accepted fewer bytes than the file has must never be reported as done. */
export function assertStreamedWhole(sent: number, expected: number): void {
	if (sent !== expected) throw lengthMismatch(sent, expected);
}
