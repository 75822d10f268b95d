/**
 * Which template files a page template uses, through `{% layout %}`, `{% render %}` and
 * `{% include %}`: pages from `post` and `home` depend on `_post-meta.liquid`, `tags` does not.
 * Names resolve as LiquidJS resolves them (subfolders, `.liquid` added when a name has no
 * extension, the first template folder that has the file wins). Whatever cannot be followed for
 * certain — a name given by a variable, one that resolves to no file, a `{% liquid %}` block —
 * means every template: a page keyed on too little would be kept stale (see session/page-keys.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The extension LiquidJS adds to a name without one (render/liquid.ts). */
const EXTENSION = '.liquid';

const REFERENCE = /{%-?\s*(?:layout|render|include)\s+([^\s%,]+)/g;

/** `{% liquid %}` blocks hold tags without delimiters, which the pattern above cannot see. */
const LIQUID_TAG = /{%-?\s*liquid\b/;

/** Every template file by the name LiquidJS finds it under (`post`, `partials/x`, `x.html`), first folder first. */
function templateFiles(templateDirs: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of templateDirs) {
    let names: string[];
    try {
      names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const name of names.map((found) => found.split(path.sep).join('/')).sort()) {
      const file = path.join(dir, name);
      for (const key of name.endsWith(EXTENSION) ? [name, name.slice(0, -EXTENSION.length)] : [name]) if (!files.has(key)) files.set(key, file);
    }
  }
  return files;
}

/** The file a reference names, or undefined when it names none for certain. */
function resolve(reference: string, files: ReadonlyMap<string, string>): string | undefined {
  if (!/^(['"]).*\1$/.test(reference)) return undefined;
  const name = reference.slice(1, -1);
  return files.get(name) ?? (path.extname(name) === '' ? files.get(`${name}${EXTENSION}`) : undefined);
}

/** A page template's files, and the text of any template file, each read once. */
export interface TemplateClosures {
  (template: string): string[] | 'all';
  /** The text of a template file ('' when it cannot be read). */
  text(file: string): string;
}

/**
 * The template files each page template renders with: itself and everything it reaches through
 * `layout`, `render` and `include`, as absolute paths; `'all'` when one of them can't be followed.
 */
export function templateClosures(templateDirs: readonly string[]): TemplateClosures {
  const files = templateFiles(templateDirs);
  const texts = new Map<string, string>();
  const textOf = (file: string) => {
    let text = texts.get(file);
    if (text === undefined) {
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = '';
      }
      texts.set(file, text);
    }
    return text;
  };
  const closureOf = (template: string): string[] | 'all' => {
    const start = files.get(template);
    if (start === undefined) return 'all';
    const seen = new Set<string>();
    const pending = [start];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const text = textOf(file);
      if (LIQUID_TAG.test(text)) return 'all';
      for (const match of text.matchAll(REFERENCE)) {
        const target = resolve(match[1]!, files);
        if (target === undefined) return 'all';
        pending.push(target);
      }
    }
    return [...seen].sort();
  };
  return Object.assign(closureOf, { text: textOf });
}
