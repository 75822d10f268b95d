/**
 * `defineConfig` on its own: a site's `site.config.ts` imports it, and loading the config must
 * not load the pipeline (that was ~1.5 s before a build with nothing to do could stop). Type
 * imports only: nothing here runs but the identity function.
 */
import type { UserConfig } from './config.ts';

export type { UserConfig } from './config.ts';

/** Typed identity for `site.config.ts`: `export default defineConfig({...})`. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}
