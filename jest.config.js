// One rule picks a test file's project: the word before `.test` in its name.
//
//   *.unit.test.ts     unit     pure functions, and the engine with nock pinning the exact requests;
//                               no real socket
//   *.sandbox.test.js  sandbox  the sandbox's own strictness: storage, JSON-API kit, emulators
//   *.engine.test.ts   engine   this package's code against the sandbox over loopback, mostly
//                               through n8n-core's real WorkflowExecute
//   *.e2e.test.js      e2e      a real n8n (CLI and editor) with the package installed
//   *.queue.test.js    queue    a real n8n in queue mode (Redis, PostgreSQL, main and two
//                               workers, binary data in the database), examples via webhooks
//
// Files live by subject: test/unit/ and test/engine/ are provider-neutral, test/sandbox/ tests
// the sandbox, test/providers/<provider>/ holds every test of one provider, whatever its project.
const fs = require('node:fs');
const path = require('node:path');

const PROJECTS = ['unit', 'sandbox', 'engine', 'e2e', 'queue'];
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];

/** A test file no project picks up would never run; refuse it instead. */
function checkTestNames(dir) {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) checkTestNames(file);
		else if (/\.test\.[jt]s$/.test(entry.name)) {
			const project = /\.(\w+)\.test\.[jt]s$/.exec(entry.name)?.[1];
			if (!PROJECTS.includes(project)) {
				throw new Error(`${file}: name it <name>.<${PROJECTS.join('|')}>.test.<ts|js>`);
			}
		}
	}
}
checkTestNames(path.join(__dirname, 'test'));

// Tests wait for events, not clocks; the limit only ends a test that hangs. Jest's 5 s default is
// shorter than a busy 2-core machine needs to run one engine workflow.
const TEST_TIMEOUT_MS = 30_000;

const project = (name, transform) => ({
	displayName: name,
	testEnvironment: 'node',
	transform,
	testMatch: [`<rootDir>/test/**/*.${name}.test.{ts,js}`],
});

module.exports = {
	testTimeout: TEST_TIMEOUT_MS,
	reporters: ['default', '<rootDir>/test/summary-reporter.js'],
	projects: [
		project('unit', { '^.+\\.ts$': tsJest }),
		project('sandbox', {}),
		project('engine', { '^.+\\.ts$': tsJest }),
		project('e2e', {}),
		project('queue', {}),
	],
};
