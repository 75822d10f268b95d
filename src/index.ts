/** Public API. */
export { defineConfig, loadConfig } from './config.ts';
export type { UserConfig } from './config.ts';
export { build } from './build.ts';
export type * from './types.ts';
