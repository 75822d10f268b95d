/**
 * The ids other generators would give a post's headings, where they differ from ours: what a
 * link written for that generator (`#what-s-next`) may name. Worked out while the markdown stage
 * has the headings' texts, so the check stage needs no text of any post; most headings ("Section
 * 2") get the same id everywhere and leave nothing here.
 */
import type { ForeignId } from './facts.ts';
import { SLUG_RULES } from './slug-rules.ts';

/** One heading of the body, in document order: its id here and its text. */
export interface HeadingText {
  id: string;
  text: string;
}

/** Every other-generator id of `headings` that is not the heading's own id, with the rules that give it. */
export function foreignIds(headings: readonly HeadingText[]): ForeignId[] {
  const found = new Map<string, ForeignId>();
  for (const rule of SLUG_RULES) {
    // Each rule numbers repeats over the whole page, so every heading goes through it in order.
    const slug = rule.slugger();
    for (const heading of headings) {
      const from = slug(heading.text);
      if (from === '' || from === heading.id) continue;
      const key = `${from}\u0000${heading.id}`;
      const known = found.get(key);
      if (known) known.rules.push(rule.id);
      else found.set(key, { from, id: heading.id, text: heading.text, rules: [rule.id] });
    }
  }
  return [...found.values()];
}
