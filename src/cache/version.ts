/**
 * What a cached result was produced by: this tool's own source and every installed package
 * version (the lock file). Any change to either starts the cache afresh — coarse, but a stale
 * rendering served after an upgrade would be far worse than one cold build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CODE_DIR, FROM_SOURCE, PROJECT_ROOT } from '../shared/code-dir.ts';
import { digestAll } from './store.ts';

let version: string | undefined;

/** A digest of the running code (`src/**`, or compiled `lib/` by the digest scripts/compile.js wrote of it) and `package-lock.json` (or `package.json` where there is no lock file). */
export function generatorVersion(): string {
  if (version !== undefined) return version;
  const parts: Array<string | Buffer> = [process.version, ...codeParts()];
  for (const manifest of ['package-lock.json', 'package.json']) {
    try {
      parts.push(readFileSync(path.join(PROJECT_ROOT, manifest)));
      break;
    } catch {
      // No lock file: the manifest's ranges are the best there is.
    }
  }
  version = digestAll(parts);
  return version;
}

/** The running code: compiled, the digest its compile recorded (reading 6 MB of bundles cost ~35 ms a run); else every file's path and bytes. */
function codeParts(): Array<string | Buffer> {
  if (!FROM_SOURCE) {
    try {
      return ['lib', readFileSync(path.join(CODE_DIR, '.digest'))];
    } catch {
      // A lib/ compiled without one: read it all.
    }
  }
  const files = readdirSync(CODE_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && !entry.name.includes('.tmp-'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  return files.flatMap((file) => [path.relative(PROJECT_ROOT, file), readFileSync(file)]);
}
