/**
 * Which page templates use a changed template file, through `{% layout %}`, `{% render %}`
 * and `{% include %}`: a change to `_post-meta.liquid` re-renders pages from `post`, `home`, ...
 * but not `tags`. A reference we cannot follow (a variable) means every page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const REFERENCE = /{%-?\s*(layout|render|include)\s+([^\s%,]+)/g;

/** Template name (without `.liquid`) → the names it references; the first folder wins, as in LiquidJS. */
function referenceGraph(templateDirs: readonly string[]): { graph: Map<string, Set<string>>; dynamic: Set<string> } {
  const graph = new Map<string, Set<string>>();
  const dynamic = new Set<string>();
  for (const dir of templateDirs) {
    let names: string[];
    try {
      names = readdirSync(dir).filter((name) => name.endsWith('.liquid'));
    } catch {
      continue;
    }
    for (const file of names) {
      const name = file.slice(0, -'.liquid'.length);
      if (graph.has(name)) continue;
      const references = new Set<string>();
      for (const match of readFileSync(path.join(dir, file), 'utf8').matchAll(REFERENCE)) {
        const target = match[2]!;
        if (!/^['"]/.test(target)) dynamic.add(name);
        references.add(target.replace(/^['"]|['"]$/g, '').replace(/\.liquid$/, ''));
      }
      graph.set(name, references);
    }
  }
  return { graph, dynamic };
}

/** The templates that use any of `changedFiles` (absolute paths), themselves included; `'all'` when unsure. */
export function affectedTemplates(templateDirs: readonly string[], changedFiles: Iterable<string>): Set<string> | 'all' {
  const { graph, dynamic } = referenceGraph(templateDirs);
  const changed = new Set([...changedFiles].map((file) => path.basename(file).replace(/\.liquid$/, '')));
  const uses = (name: string, seen = new Set<string>()): boolean => {
    if (changed.has(name)) return true;
    if (seen.has(name)) return false;
    seen.add(name);
    return [...(graph.get(name) ?? [])].some((reference) => uses(reference, seen));
  };
  const affected = new Set<string>();
  for (const name of graph.keys()) {
    if (!uses(name)) continue;
    if (dynamic.has(name)) return 'all';
    affected.add(name);
  }
  // A changed file no template names (a new partial, a deleted one) may still matter: be safe.
  return affected.size === 0 ? 'all' : affected;
}
