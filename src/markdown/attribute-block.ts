/**
 * The attribute block other generators let authors write after a heading: `{#id .class key=value}`
 * (Hugo's Goldmark, Zola, Pandoc, PHP Markdown Extra), kramdown's `{: #id}`, Pandoc's `{-}`.
 * Read here into an id, classes and attributes; what is not valid is listed, not guessed at.
 */

/** What one block says. */
export interface Attributes {
  id?: string;
  classes: string[];
  attributes: Array<[string, string]>;
  /** Tokens that are none of the above (`{#my id}` has `id`), and a second id. */
  problems: string[];
}

/** The inside of a block that is ours: it starts with `#`, `.`, kramdown's `:`, or is Pandoc's `-`. */
const OURS = /^\s*(?::\s*)?[#.]|^\s*:\s*$|^\s*-\s*$/;

/** One token: runs of non-space characters and quoted strings (`title="a b"` is one token). */
const TOKEN = /(?:[^\s"']+|"[^"]*"|'[^']*')+/g;

/** A `key=value` token; the name as HTML allows attribute names. */
const PAIR = /^([A-Za-z_:][\w:.-]*)=(?:"([^"]*)"|'([^']*)'|([^\s"']*))$/;

/** Whether the text between `{` and `}` is an attribute block, rather than, say, `{1, 2}`. */
export function isAttributeBlock(inner: string): boolean {
  return OURS.test(inner);
}

/** Read the text between `{` and `}` (kramdown's leading `:` allowed). */
export function parseAttributes(inner: string): Attributes {
  const result: Attributes = { classes: [], attributes: [], problems: [] };
  const body = inner.trim().replace(/^:/, '');
  for (const [token] of body.matchAll(TOKEN)) {
    const pair = PAIR.exec(token);
    if (token.startsWith('#')) {
      if (result.id !== undefined) result.problems.push(`a second id "${token}"`);
      else result.id = token.slice(1);
    } else if (token.startsWith('.') && token.length > 1) {
      result.classes.push(token.slice(1));
    } else if (token === '-') {
      // Pandoc's shorthand for `.unnumbered`.
      result.classes.push('unnumbered');
    } else if (pair) {
      result.attributes.push([pair[1]!, pair[2] ?? pair[3] ?? pair[4] ?? '']);
    } else {
      result.problems.push(`"${token}"`);
    }
  }
  return result;
}
