// Test runner settings: tests live in tests/ and mirror src/; integration tests get time to start servers.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './tests/plainSummaryReporter.ts'],
  },
});
