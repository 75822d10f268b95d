import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/temp-root.ts'],
    include: ['test/**/*.test.ts'],
    // Real-browser tests run with `npm run test:e2e`.
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Whole-site tests build real sites on disk; give them room on 2-core machines.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
