// Where the mutation run's test-name → file map lives, and how it is read.
const fs = require('node:fs');
const path = require('node:path');

/** The project root: Stryker's sandbox copy of it during a mutation run. */
const ROOT = path.resolve(__dirname, '..', '..');
const TEST_FILES_MAP = path.join(ROOT, '.cache', 'mutation-test-files.jsonl');

/**
 * File (relative to the project root) → the full names of its tests and how long it took, or
 * undefined before the first run wrote the map.
 */
function readTestFilesMap() {
	if (!fs.existsSync(TEST_FILES_MAP)) return undefined;
	const map = new Map();
	for (const line of fs.readFileSync(TEST_FILES_MAP, 'utf8').split('\n').filter(Boolean)) {
		const { file, ms, names } = JSON.parse(line);
		map.set(file, { ms, names: new Set([...(map.get(file)?.names ?? []), ...names]) });
	}
	return map;
}

module.exports = { ROOT, TEST_FILES_MAP, readTestFilesMap };
