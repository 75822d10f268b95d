/**
 * Where the running code is, the one place that knows how it runs: from source (`src/`, under
 * vitest or tsx, each module in its own file) or compiled (`lib/`, bundles that all sit in `lib/`
 * itself, whatever folder their sources came from: see scripts/compile.js). Paths the code finds
 * beside itself (the project's templates, the worker, the dev client) start here, never from a
 * module's own URL, which differs between the two.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

/** Whether this is the source itself rather than its compiled bundle. */
export const FROM_SOURCE = here.endsWith('.ts');

/** `<project>/src` or `<project>/lib`. */
export const CODE_DIR = FROM_SOURCE ? path.resolve(path.dirname(here), '..') : path.dirname(here);

/** This project's folder: its default templates and static files, its package files. */
export const PROJECT_ROOT = path.dirname(CODE_DIR);
