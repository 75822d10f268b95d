/**
 * Which template files a page template uses, through `{% layout %}`, `{% render %}` and
 * `{% include %}`: pages from `post` and `home` depend on `_post-meta.liquid`, `tags` does not.
 * A reference we cannot follow (a variable) means every template.
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

/**
 * The template files each page template renders with: itself and everything it reaches through
 * `layout`, `render` and `include`, as `dir/name.liquid` paths (the first folder that has a name
 * wins, as in LiquidJS); `'all'` for a template that names one through a variable.
 */
export function templateClosures(templateDirs: readonly string[]): (template: string) => string[] | 'all' {
  const { graph, dynamic } = referenceGraph(templateDirs);
  const fileOf = new Map<string, string>();
  for (const dir of [...templateDirs].reverse()) {
    let names: string[];
    try {
      names = readdirSync(dir).filter((name) => name.endsWith('.liquid'));
    } catch {
      continue;
    }
    for (const file of names) fileOf.set(file.slice(0, -'.liquid'.length), path.join(dir, file));
  }
  return (template) => {
    const seen = new Set<string>();
    const visit = (name: string): boolean => {
      if (seen.has(name)) return true;
      seen.add(name);
      if (dynamic.has(name)) return false;
      return [...(graph.get(name) ?? [])].every(visit);
    };
    if (!visit(template)) return 'all';
    // A name with no file (a missing partial) still counts: the template errors until it appears.
    return [...seen].sort().map((name) => fileOf.get(name) ?? `missing:${name}`);
  };
}
