/** Unit tests need nothing; integration and e2e tests get a fresh database per file (tests/support). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
  // One line when the shared feed corpus is absent (its suites skip); a failure under REQUIRE_FEED_CORPUS=1.
  globalSetup: '<rootDir>/tests/support/corpus-global-setup.ts',
};
