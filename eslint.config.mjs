import { globalIgnores } from 'eslint/config';
import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

// The transfer engine streams files with node:stream, which only the self-hosted rule set allows.
// Tests, the sandbox and the benchmarks are not part of the published package.
export default [
	...configWithoutCloudSupport,
	globalIgnores(['test/**', 'sandbox/**', 'bench/**', 'examples/**', 'dist/**', '.cache/**', 'gulpfile.js', 'index.js', 'jest.config.js']),
];
