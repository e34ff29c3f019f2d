// With Continue On Fail, an item with a bad input becomes an error item before any request, and
// the items around it are uploaded and registered as if it were not there: every node.
import type { IDataObject } from 'n8n-workflow';

import { callsTo, SUBJECTS, useSubjectSandbox } from '../support/upload-subjects';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { patternSha256 } = require('../../sandbox/bytes');

const SIZE = 64 * 1024 + 5;
const { env, sandbox } = useSubjectSandbox();

it.each(SUBJECTS.map((subject) => [subject.title, subject] as const))(
	'%s: the bad middle item is an error item, the others land and are registered',
	async (_title, subject) => {
		// Item 1 asks for 0 attempts: refused before any request.
		const node = await subject.node(sandbox, { maxAttempts: '={{ $json.attempts }}' });

		const run = await env.engine.run({
			nodes: [
				{
					name: 'Source',
					type: 'binarySource',
					parameters: {
						count: 3,
						size: SIZE,
						...subject.file,
						perItem: JSON.stringify([{ attempts: 4 }, { attempts: 0 }, { attempts: 4 }]),
					},
				},
				{ ...node, onError: 'continueRegularOutput' },
			],
			credentials: subject.credentials(sandbox),
		});

		expect(run.error('Upload')).toBeUndefined();
		const items = run.output('Upload');
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toBe(
			'"Max Attempts" must be a whole number from 1 to 10, got 0 [item 1]',
		);
		expect(items[1].json.upload).toBeUndefined();
		for (const index of [0, 2]) {
			expect(items[index].json.error).toBeUndefined();
			expect((items[index].json.upload as IDataObject).sha256).toBe(patternSha256(SIZE, index + 1));
		}
		const stored = env.storage
			.listObjects()
			.filter((key) => key.startsWith(subject.keyPrefix ?? ''))
			.map((key) => env.storage.getObject(key)!.sha256);
		// The generic node's target is one key for every item: the last item's bytes stay.
		expect(stored.sort()).toEqual(
			(subject.emulator
				? [patternSha256(SIZE, 1), patternSha256(SIZE, 3)]
				: [patternSha256(SIZE, 3)]
			).sort(),
		);
		expect(callsTo(sandbox, subject, subject.urlRequest)).toBe(subject.urlRequest ? 2 : 0);
		if (subject.register) expect(subject.register.registered(sandbox)).toBe(2);
	},
	60_000,
);
