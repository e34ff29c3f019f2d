// A quick mutation run: the engine's pure modules against the unit tests that call them directly,
// with no n8n engine and no socket: `npm run test:mutation:unit`. Without the type checker both
// processes run tests; ts-jest only transpiles, so a mutant that would not compile still runs.
// The full run (stryker.config.mjs) covers every module of nodes/transfer/ and nodes/shared/.
import full from './stryker.config.mjs';

const PURE_TESTS = [
	'fields',
	'ids',
	'input-checks',
	'kit-fields',
	'mask-secrets',
	'node-errors',
	'object-url',
	'parts',
	'poll-options',
	'poll',
	'rate-limit',
	'redact',
	'retry',
	'storage-answers',
	'target-secrets',
	'target-shapes',
];

export default {
	...full,
	mutate: [
		'nodes/transfer/{target,storage-error,redact,retry,object-url,errors,json,length,hash,parts}.ts',
	],
	checkers: [],
	concurrency: 2,
	jest: {
		...full.jest,
		config: { testMatch: PURE_TESTS.map((name) => `<rootDir>/test/unit/${name}.unit.test.ts`) },
	},
	dryRunTimeoutMinutes: 10,
	incrementalFile: 'reports/mutation/unit-incremental.json',
	htmlReporter: { fileName: 'reports/mutation/unit.html' },
	jsonReporter: { fileName: 'reports/mutation/unit.json' },
};
