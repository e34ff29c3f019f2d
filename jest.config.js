const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];

module.exports = {
	reporters: ['default', '<rootDir>/test/summary-reporter.js'],
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/**/*.test.{ts,js}'],
			testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			transform: {},
			testMatch: ['<rootDir>/test/e2e/**/*.test.js'],
		},
	],
};
