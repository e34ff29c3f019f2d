// The tests Stryker runs against each mutant of nodes/transfer/ and nodes/shared/ (see
// stryker.config.mjs): the unit and engine projects of jest.config.js as one project, since
// per-test coverage needs a single test environment.
const path = require('node:path');

const { projects, testTimeout } = require('./jest.config');

const scope = projects.filter((project) => ['unit', 'engine'].includes(project.displayName));

module.exports = {
	testTimeout,
	// An absolute path: Stryker's wrapper requires the environment without resolving <rootDir>.
	testEnvironment: path.join(__dirname, 'test', 'mutation', 'bail-environment.js'),
	transform: Object.assign({}, ...scope.map((project) => project.transform)),
	testMatch: scope.flatMap((project) => project.testMatch),
	// Each mutant loads only the test files that hold its covering tests, and stops at its first
	// failing test (test/mutation/).
	setupFilesAfterEnv: ['<rootDir>/test/mutation/record-test-files.js'],
	testSequencer: '<rootDir>/test/mutation/only-covering-files.js',
};
