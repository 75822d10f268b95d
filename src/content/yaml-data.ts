/**
 * How YAML is read, in post front matter and the registries alike: the parse options, and a
 * parsed document turned into data with its aliases (`*name`, and `<<: *name` merge keys)
 * bounded. The `yaml` package's own
 * `maxAliasCount` stops a "billion laughs" document, but only by throwing, without a place, and
 * only after counting: its count visits the whole document for each alias it meets, so 8,000
 * anchors and aliases (a 165 KB file) took 49 s before any limit was reached. No file a blog
 * needs has more than a handful of aliases, so past MAX_ALIASES the document is refused at the
 * first one too many, before any counting.
 */
import { visit, type Alias, type Document } from 'yaml';

/**
 * YAML 1.2 core schema (timestamps stay strings, so dates are ours to validate), with YAML 1.1's
 * `<<: *defaults` merge keys, which Hugo, Jekyll and js-yaml apply: without them the merged keys
 * were silently missing.
 */
export const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: false, merge: true } as const;

/** Aliases beyond this many are refused, in a document and in what one alias expands to. */
export const MAX_ALIASES = 100;

/** The data of `doc`, or why it was refused and the offset (in the parsed text) to point at. */
export type YamlData = { ok: true; data: unknown } | { ok: false; reason: string; offset: number };

/** `doc.toJS()`, refusing a document with more than MAX_ALIASES aliases or one whose aliases expand past it. */
export function yamlData(doc: Document): YamlData {
  const aliases: Alias[] = [];
  visit(doc, {
    Alias(_key, node) {
      aliases.push(node);
      // One past the limit is enough to refuse: the rest of a hostile document is not worth walking.
      return aliases.length > MAX_ALIASES ? visit.BREAK : undefined;
    },
  });
  if (aliases.length > MAX_ALIASES) {
    return { ok: false, reason: `more than ${MAX_ALIASES} aliases (*name): a file that repeats itself this much is refused`, offset: offsetOf(aliases[MAX_ALIASES]!) };
  }
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (error) {
    // "Excessive alias count indicates a resource exhaustion attack": aliases of aliases, each
    // level multiplying the one below. The first alias of something that holds aliases starts it.
    const nested = aliases.find((alias) => holdsAlias(alias.resolve(doc)));
    const culprit = nested ?? aliases[0];
    return { ok: false, reason: (error as Error).message.split('\n')[0]!.trim(), offset: culprit ? offsetOf(culprit) : 0 };
  }
}

function offsetOf(alias: Alias): number {
  return alias.range?.[0] ?? 0;
}

/** Whether `node` (an alias's source) has an alias inside it. */
function holdsAlias(node: unknown): boolean {
  if (node === undefined || node === null || typeof node !== 'object') return false;
  let found = false;
  visit(node as Parameters<typeof visit>[0], {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}
