/** Types of scripts/compile.js (plain JavaScript: it runs before anything is compiled). */
/** Compile unless `lib/` was compiled from the sources as they are now; true when it compiled. */
export function ensureCompiled(options?: { force?: boolean; project?: string }): Promise<boolean>;
/** Compile `project`'s sources into its `lib/`. */
export function compile(project?: string, sources?: string): Promise<void>;
