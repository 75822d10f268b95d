import { defineConfig } from 'vitest/config';
import LongestFirst from './test/helpers/sequencer.ts';

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/temp-root.ts'],
    include: ['test/**/*.test.ts'],
    // Real-browser tests run with `npm run test:e2e`.
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Vitest's default on 2 cores is one worker; many files here wait on child processes (Pagefind,
    // the compiled CLI, Java-free but process-heavy crash tests), so three keep both cores busy
    // (87 s against 96 s with two, on the 2-core machine; see README, Testing).
    maxWorkers: 3,
    sequence: { sequencer: LongestFirst },
    // Files share one module graph per worker: Shiki, the unified chain and LiquidJS load once per
    // worker instead of once per file (imports 20 s -> 2.5 s of a run). Safe because modules hold no
    // state of a build's (builds take their clock, folder and environment as arguments).
    isolate: false,
    // Whole-site tests build real sites on disk; give them room on 2-core machines.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
