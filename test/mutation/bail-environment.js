// Part of the mutation-testing setup (jest.mutation.config.js). Stryker counts a mutant as killed
// at its first failing test, but jest cannot stop a run early when Stryker drives it, so every
// covering test of a killed mutant would still run. This environment skips the rest of the run
// once a test has failed: the remaining tests of the file, and every later file whole (before its
// setup hooks start n8n). Outside a mutant run it is jest's node environment, unchanged.
const { TestEnvironment } = require('jest-environment-node');

/** The jest runs (one globalConfig each, shared by all their files) in which a test failed. */
const failedRuns = new WeakSet();

function skipAll(block) {
	for (const child of block.children) {
		if (child.type === 'test') child.mode = 'skip';
		else skipAll(child);
	}
}

class BailEnvironment extends TestEnvironment {
	constructor(config, context) {
		super(config, context);
		this.run = config.globalConfig;
	}

	async handleTestEvent(event, state) {
		if (!process.env.__STRYKER_ACTIVE_MUTANT__) return;
		if (event.name === 'test_done' && event.test.errors.length > 0) failedRuns.add(this.run);
		if (!failedRuns.has(this.run)) return;
		if (event.name === 'run_start') skipAll(state.rootDescribeBlock);
		if (event.name === 'test_start') event.test.mode = 'skip';
	}
}

module.exports = BailEnvironment;
