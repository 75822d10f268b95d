#!/usr/bin/env node
/**
 * The `blogsmith` command (`npm run build|check|dev` run it): plain `node` on the compiled `lib/`.
 * In a checkout, `lib/` is first brought up to date with `src/` (scripts/compile.js), so an edited
 * source never runs stale; an installed package ships `lib/` alone and skips that.
 */
import { ensureCompiled } from '../scripts/compile.js';

await ensureCompiled();
await import('../lib/bin.js');
