/**
 * Control characters in a front matter value: YAML's `"A\x00B\x1bC"` and TOML's `"\u001b"` escapes
 * put them in any string, and every page showing the value would carry them raw. HTML allows none
 * of them (a parse error, and NUL is replaced by U+FFFD), feeds' XML 1.0 allows none at all.
 * Tab, line feed and carriage return stay: they are white space, which the normalisers fold.
 */
import type { KeyPath } from '../../types.ts';
import type { NormalizeContext } from './context.ts';
import { quote } from './fields.ts';

/** C0 controls but tab, LF and CR; DEL; C1 controls. */
const CONTROL = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/g;

/**
 * `text` without control characters; when it had some, one `control-chars` warning at `path`
 * naming them (`U+0000, U+001B`) and the `field` they were removed from.
 */
export function withoutControls(text: string, path: KeyPath, field: string, ctx: Pick<NormalizeContext, 'report'>): string {
  const matches = text.match(CONTROL);
  if (!matches) return text;
  const found = [...new Set(matches)].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  const cleaned = text.replace(CONTROL, '');
  const which = found.length === 1 ? `Control character ${found[0]}` : `Control characters ${found.join(', ')}`;
  ctx.report(`${which} removed from the ${field} ${quote(text)}: HTML and feeds do not allow them`, { path, severity: 'warning', ruleId: 'control-chars' });
  return cleaned;
}
