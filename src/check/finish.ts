/** What `npm run check` does after the checks every build runs: `--external` and `--fix`. */
import path from 'node:path';
import type { VFile } from 'vfile';
import { countErrors } from '../messages.ts';
import type { Site } from '../types.ts';
import { checkExternalLinks } from './external.ts';
import { applyFixes, formatFix } from './fix.ts';

/** The `check` flags beyond a build's. */
export interface FinishOptions {
  root: string;
  /** The folder paths in lines are relative to. */
  cwd: string;
  fix: boolean;
  external: boolean;
  /** Read the external-link cache (off with `--no-cache`). */
  cache: boolean;
  strict: boolean;
  /** One line for the terminal. */
  log: (line: string) => void;
}

/** Fetch external links and apply certain fixes as asked; the exit code of what remains. */
export async function finishCheck(result: { files: VFile[]; site?: Site }, options: FinishOptions): Promise<0 | 1> {
  if (options.external && result.site) {
    const cacheFile = path.join(options.root, '.cache', 'external-links.json');
    const { fetched, remembered } = await checkExternalLinks(result.site, { cacheFile, readCache: options.cache });
    options.log(`external links: ${fetched} fetched, ${remembered} remembered from ${path.relative(options.cwd, cacheFile)}`);
  }
  if (options.fix) {
    const { applied, skipped } = await applyFixes(result.files);
    for (const fix of applied) options.log(`fixed ${formatFix(fix)}`);
    for (const { file, reason } of skipped) options.log(`not fixed ${file}: ${reason}`);
    options.log(applied.length === 0 ? 'nothing to fix' : `${applied.length} ${applied.length === 1 ? 'fix' : 'fixes'} applied`);
  }
  return countErrors(result.files, options.strict) > 0 ? 1 : 0;
}
