// describeBinary tells a binary's size, type and name without reading a byte of it.
import type { IExecuteFunctions } from 'n8n-workflow';

import { describeBinary } from '../../nodes/transfer';

function contextWith(binary: object, fileSize = 0) {
	const getBinaryStream = jest.fn();
	const ctx = {
		helpers: {
			assertBinaryData: () => binary,
			getBinaryMetadata: async () => ({ fileSize }),
			getBinaryStream,
		},
	} as unknown as IExecuteFunctions;
	return { ctx, getBinaryStream };
}

describe('describeBinary', () => {
	it('reads a stored binary from its metadata, never from its bytes', async () => {
		const { ctx, getBinaryStream } = contextWith(
			{ id: 'filesystem-v2:x', mimeType: 'image/png', fileName: 'a.png' },
			31_457_280,
		);
		expect(await describeBinary(ctx, 0, 'data')).toEqual({
			bytes: 31_457_280,
			mimeType: 'image/png',
			fileName: 'a.png',
		});
		expect(getBinaryStream).not.toHaveBeenCalled();
	});

	it('measures an inline binary and fills in the defaults', async () => {
		const { ctx } = contextWith({ data: Buffer.from('hello').toString('base64'), mimeType: '' });
		expect(await describeBinary(ctx, 0, 'data')).toEqual({
			bytes: 5,
			mimeType: 'application/octet-stream',
			fileName: 'file',
		});
	});
});
