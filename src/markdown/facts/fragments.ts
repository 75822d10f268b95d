/**
 * Where link fragments are written in the file, for the fix of `foreign-anchor` (check --fix
 * rewrites `#what-s-next` to `#whats-next`). Found while the markdown stage has the text, since a
 * build lets texts go before the checks. Kept only for fragments that may need it: an in-page
 * fragment naming an id of this body never does, and those are most of them (tables of contents).
 */
import type { VFile } from 'vfile';
import type { CheckFacts, FragmentFact } from './facts.ts';
import { rangesOf } from './text/range.ts';
import { safeDecode } from '../../shared/decode.ts';

/** Links that lead to a page: the check stage's navigating elements. */
const NAVIGATING = new Set(['a', 'area', 'iframe']);

/** Another site's URL: its fragment is not ours to check. */
const EXTERNAL = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;

/** What may end a link destination in markdown or an attribute value in HTML. */
const END = /[\s)"'>]/;

/** The written place of every fragment of `facts.urls` that does not name an id of this body. */
export function fragmentFacts(facts: Pick<CheckFacts, 'urls' | 'ids'>, file: VFile): FragmentFact[] {
  const text = String(file.value);
  const range = rangesOf(file);
  const found: FragmentFact[] = [];
  facts.urls.forEach((fact, index) => {
    const hash = fact.url.indexOf('#');
    if (hash === -1 || !NAVIGATING.has(fact.tagName) || EXTERNAL.test(fact.url)) return;
    const raw = fact.url.slice(hash + 1);
    const decoded = safeDecode(raw);
    if (hash === 0 && facts.ids.has(decoded)) return;
    const start = fact.place?.start.offset;
    const end = fact.place?.end.offset;
    if (start === undefined || end === undefined || raw === '') return;
    const source = text.slice(start, end);
    // The last match: a markdown link's destination follows its text, which may quote the fragment too.
    for (const written of new Set([raw, decoded])) {
      const at = lastFragment(source, written);
      if (at === -1) continue;
      found.push({ index, place: range(start + at, start + at + written.length), written });
      return;
    }
  });
  return found;
}

/** Offset in `source` of the last `#written` that ends where a destination or attribute value can end. */
function lastFragment(source: string, written: string): number {
  for (let at = source.lastIndexOf(`#${written}`); at !== -1; at = at === 0 ? -1 : source.lastIndexOf(`#${written}`, at - 1)) {
    const after = source[at + 1 + written.length];
    if (after === undefined || END.test(after)) return at + 1;
  }
  return -1;
}
