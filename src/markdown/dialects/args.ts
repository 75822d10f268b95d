/**
 * The arguments of a shortcode or tag, in the spellings Hugo, Jekyll, Eleventy (Liquid and
 * Nunjucks) use: positional values and named ones, separated by spaces or commas.
 * `"quoted"`, `'quoted'`, Hugo's `` `raw` `` strings, bare words; `name="x"`, `name=x`, `name: x`.
 */

/** A value as written: quoted ones are strings; bare `true`, `false` and numbers are those. */
export type ArgValue = string | number | boolean;

/** Positional and named arguments, in order. */
export interface Args {
  positional: ArgValue[];
  named: Record<string, ArgValue>;
}

const TOKEN = /\s*(?:([A-Za-z_][\w-]*)\s*(=|:(?!\/\/))\s*)?("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`|[^\s,]+)?\s*,?/y;

/** Read an argument string. */
export function parseArgs(source: string): Args {
  const args: Args = { positional: [], named: Object.create(null) as Record<string, ArgValue> };
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match || TOKEN.lastIndex === at) break;
    const [, name, , raw] = match;
    if (raw === undefined && name === undefined) continue;
    const value = raw === undefined ? '' : valueOf(raw);
    if (name !== undefined) args.named[name] = value;
    else args.positional.push(value);
  }
  return args;
}

function valueOf(raw: string): ArgValue {
  const first = raw[0];
  if (first === '`') return raw.slice(1, -1);
  if (first === '"' || first === "'") return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  if (raw === 'true' || raw === 'false') return raw === 'true';
  // A number, unless it is an id too long for one (a post's id on X is 19 digits).
  if (/^-?\d+(?:\.\d+)?$/.test(raw) && (raw.includes('.') || Number.isSafeInteger(Number(raw)))) return Number(raw);
  return raw;
}

/** A named argument, else the positional one at `index`, as a string; undefined when neither is there. */
export function argOf(args: Args, name: string, index?: number): string | undefined {
  const value = Object.hasOwn(args.named, name) ? args.named[name] : index === undefined ? undefined : args.positional[index];
  return value === undefined ? undefined : String(value);
}

/** Whether an argument is on: `true`, `"true"`, `1`. */
export function isOn(value: string | undefined): boolean {
  return value === 'true' || value === '1';
}
