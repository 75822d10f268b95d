import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/temp-root.ts'],
    include: ['test/e2e/**/*.test.ts'],
    // One browser, real servers and file watchers: run the files one after another.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
