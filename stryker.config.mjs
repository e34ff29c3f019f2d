// Mutation testing of the engine (nodes/transfer/) and the provider kit (nodes/shared/):
// `npm run test:mutation`. The unit and engine jest projects are the tests that guard them; each
// mutant runs only the tests that cover it, and the incremental file keeps the results of
// unchanged code and tests between runs. What survives, and why, is in docs/mutation-testing.md.
export default {
	packageManager: 'npm',
	mutate: ['nodes/transfer/**/*.ts', 'nodes/shared/**/*.ts'],
	testRunner: 'jest',
	jest: {
		projectType: 'custom',
		configFile: 'jest.mutation.config.js',
		enableFindRelatedTests: false,
	},
	// test/support/transfer-probes.ts measures what code keeps alive with global.gc.
	testRunnerNodeArgs: ['--expose-gc'],
	checkers: ['typescript'],
	tsconfigFile: 'tsconfig.json',
	coverageAnalysis: 'perTest',
	// A static mutant (a module-level constant) is reached by no single test, so it would need the
	// whole unit and engine suite, about 15 minutes here, for each one. They are reported as ignored.
	ignoreStatic: true,
	// The first run of every unit and engine test, with coverage per test, on a busy 2-core machine.
	dryRunTimeoutMinutes: 30,
	// With the type checker Stryker gives half the processes to checking and half to tests: 4 makes
	// two test runners on this 2-core machine (the checkers are mostly idle once ahead).
	concurrency: 4,
	incremental: true,
	incrementalFile: 'reports/mutation/stryker-incremental.json',
	ignorePatterns: ['.cache', 'dist', 'reports', 'examples', 'bench', 'coverage', 'test-results'],
	reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
	htmlReporter: { fileName: 'reports/mutation/mutation.html' },
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	thresholds: { high: 90, low: 85, break: 85 },
	tempDirName: '.cache/stryker-tmp',
	cleanTempDir: true,
};
