/**
 * A site's own shortcodes: `templates/shortcodes/<name>.liquid`, rendered by LiquidJS for Hugo
 * shortcodes and Eleventy/Jekyll tags of that name. The templates travel as text in the markdown
 * context (so worker threads have them) and are parsed by an engine of this module: the markdown
 * stage never imports the page renderer. Escaping is on, as in every template of the project:
 * `{{ inner | raw }}` passes the author's own text through unescaped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Liquid } from 'liquidjs';
import { digest } from '../../cache/store.ts';

/** Template names (`note`, `media/video`) → Liquid source. */
export type ShortcodeTemplates = Readonly<Record<string, string>>;

const EXTENSION = '.liquid';

/** Read every `shortcodes/**\/*.liquid` of the template folders; the first folder that has a name wins (the site's own before the defaults). */
export function readShortcodeTemplates(templateDirs: readonly string[]): Record<string, string> {
  const templates: Record<string, string> = {};
  for (const dir of templateDirs) {
    const folder = path.join(dir, 'shortcodes');
    let names: string[];
    try {
      names = readdirSync(folder, { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const name of names.filter((found) => found.endsWith(EXTENSION)).sort()) {
      const key = name.slice(0, -EXTENSION.length).split(path.sep).join('/');
      if (Object.hasOwn(templates, key)) continue;
      try {
        templates[key] = readFileSync(path.join(folder, name), 'utf8');
      } catch {
        // A folder named like a template, or a file gone since it was listed: no template.
      }
    }
  }
  return templates;
}

/** Whether the site has a template for `name`. */
export function hasTemplate(templates: ShortcodeTemplates | undefined, name: string): boolean {
  return templates !== undefined && Object.hasOwn(templates, name);
}

const INCLUDE = /{%-?\s*(?:render|include)\s+['"]([^'"]+)['"]/g;

/**
 * What a post that used `name` was rendered with: the template and those it renders or
 * includes, as a digest (null when there is no such template). A cached result holds while it
 * is the same, so editing one template renders again only the posts that use it.
 */
export function templateAnswer(templates: ShortcodeTemplates | undefined, name: string): string | null {
  if (!hasTemplate(templates, name)) return null;
  let answers = answered.get(templates!);
  if (answers === undefined) answered.set(templates!, (answers = new Map()));
  let answer = answers.get(name);
  if (answer === undefined) answers.set(name, (answer = closureDigest(templates!, name)));
  return answer;
}

/** Answers per set of templates: a cache check asks once per post that used the name. */
const answered = new WeakMap<ShortcodeTemplates, Map<string, string>>();

function closureDigest(templates: ShortcodeTemplates, name: string): string {
  const seen = new Set<string>();
  const visit = (current: string): void => {
    if (seen.has(current) || !hasTemplate(templates, current)) return;
    seen.add(current);
    for (const [, included] of templates[current]!.matchAll(INCLUDE)) visit(included!.replace(/\.liquid$/, ''));
  };
  visit(name);
  return digest(...[...seen].sort().flatMap((key) => [key, templates[key]!]));
}

/** One engine per set of templates (a worker gets its set once; dev makes a new one when a template changes). */
const engines = new WeakMap<ShortcodeTemplates, Liquid>();

function engineFor(templates: ShortcodeTemplates): Liquid {
  let engine = engines.get(templates);
  if (engine === undefined) {
    const mapping = Object.fromEntries(Object.entries(templates).map(([name, text]) => [name + EXTENSION, text]));
    engine = new Liquid({
      templates: mapping,
      extname: EXTENSION,
      outputEscape: 'escape',
      strictFilters: true,
      ownPropertyOnly: true,
      cache: true,
      // A template that loops for ever must not hang the build.
      renderLimit: 2_000,
    });
    engines.set(templates, engine);
  }
  return engine;
}

/** Render the template `name` with `scope`; a failure comes back as its message. */
export function renderTemplate(templates: ShortcodeTemplates, name: string, scope: Record<string, unknown>): { output: string } | { error: string } {
  try {
    return { output: String(engineFor(templates).renderFileSync(name, scope)) };
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0]! };
  }
}
