/**
 * What a cached result was produced by: this tool's own source and every installed package
 * version (the lock file). Any change to either starts the cache afresh — coarse, but a stale
 * rendering served after an upgrade would be far worse than one cold build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { digestAll } from './store.ts';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let version: string | undefined;

/** A digest of `src/**` and `package-lock.json` (or `package.json` where there is no lock file). */
export function generatorVersion(): string {
  if (version !== undefined) return version;
  const sources = (readdirSync(path.join(PROJECT, 'src'), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const parts = sources.flatMap((file) => [path.relative(PROJECT, file), readFileSync(file)]);
  for (const manifest of ['package-lock.json', 'package.json']) {
    try {
      parts.push(readFileSync(path.join(PROJECT, manifest)));
      break;
    } catch {
      // No lock file: the manifest's ranges are the best there is.
    }
  }
  version = digestAll([process.version, ...parts]);
  return version;
}
