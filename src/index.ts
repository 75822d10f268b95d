/** Public API. */
export { defineConfig } from './define-config.ts';
export { loadConfig } from './config.ts';
export type { UserConfig } from './config.ts';
export { build } from './build.ts';
export { runBuild } from './run-build.ts';
export type { RunEnv, RunOptions, RunResult } from './run-build.ts';
export type * from './types.ts';
