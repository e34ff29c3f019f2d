// Part of the mutation-testing setup (jest.mutation.config.js). For each mutant Stryker runs jest
// with a test name pattern made of the tests that reach it, but jest would still load every test
// file (and n8n with it) to find those names. This sequencer keeps only the files that hold a
// test the pattern matches, by the map record-test-files.js wrote during the first run, quickest
// first. Without the map, or for a file it does not know, every file runs as before.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const { ROOT, readTestFilesMap } = require('./test-files-map');

class OnlyCoveringFiles extends Sequencer {
	constructor(options) {
		super(options);
		this.pattern = options.globalConfig.testNamePattern;
	}

	sort(tests) {
		const map = this.pattern && readTestFilesMap();
		if (!map) return super.sort(tests);
		const pattern = new RegExp(this.pattern, 'i');
		const known = (test) => map.get(path.relative(ROOT, test.path));
		const holdsACoveringTest = (test) =>
			known(test) === undefined || [...known(test).names].some((name) => pattern.test(name));
		// Quickest files first: with bail-environment.js a killed mutant stops at its first failure.
		const ms = (test) => known(test)?.ms ?? Infinity;
		return tests.filter(holdsACoveringTest).sort((a, b) => ms(a) - ms(b));
	}
}

module.exports = OnlyCoveringFiles;
