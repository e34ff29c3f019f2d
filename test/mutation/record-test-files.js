// Part of the mutation-testing setup (jest.mutation.config.js). During Stryker's first run, which
// runs every test, notes which test file each test name lives in and how long the file took;
// only-covering-files.js reads that to load only the files that hold a mutant's covering tests.
const fs = require('node:fs');
const path = require('node:path');

const { ROOT, TEST_FILES_MAP } = require('./test-files-map');

// Stryker names the mutant under test in this variable; its runs add nothing to the map.
if (!process.env.__STRYKER_ACTIVE_MUTANT__) {
	const started = Date.now();
	const names = new Set();
	afterEach(() => names.add(expect.getState().currentTestName));
	afterAll(() => {
		const file = path.relative(ROOT, expect.getState().testPath);
		fs.mkdirSync(path.dirname(TEST_FILES_MAP), { recursive: true });
		fs.appendFileSync(
			TEST_FILES_MAP,
			`${JSON.stringify({ file, ms: Date.now() - started, names: [...names] })}\n`,
		);
	});
}
