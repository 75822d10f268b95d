/**
 * Shiki's work shared across identical code blocks: a block's tree depends only on its text and
 * language (the themes are fixed, and every grammar a language reaches is loaded before its first
 * use: see shiki.ts), so a block seen before on this thread is copied instead of tokenised again.
 * Blogs repeat blocks (install commands, config snippets, a generated site's one example), and
 * tokenising with the JavaScript engine cost ~0.9 ms for a two-line block.
 */
import type { Root } from 'hast';
import { cloneTree } from './clone.ts';
import { highlight, languageOf } from './shiki.ts';

/** Characters of code kept in the memo: beyond this the blocks used longest ago go first. */
const BUDGET = 2_000_000;

/** Highlighted trees by language name and code, oldest use first (a Map keeps insertion order). */
const memo = new Map<string, Root>();
let held = 0;

/** `highlight(code, lang)`, from the memo when this thread highlighted the same block before. Each call gets its own tree. */
export function highlightShared(code: string, lang: string | undefined): Root {
  // Keyed by the grammar, not the fence's word: `ts` and `typescript` tokenise the same way.
  const key = `${lang === undefined ? '' : (languageOf(lang)?.name ?? '')}\n${code}`;
  let tree = memo.get(key);
  if (tree === undefined) {
    tree = highlight(code, lang);
    if (key.length > BUDGET) return tree;
    held += key.length;
    for (const [old] of memo) {
      if (held <= BUDGET) break;
      memo.delete(old);
      held -= old.length;
    }
  } else {
    // Move it to the newest end.
    memo.delete(key);
  }
  memo.set(key, tree);
  // A copy: later plugins own the tree they are given (the excerpt keeps parts of it).
  return cloneTree(tree);
}

/** Tests: forget every block, as a fresh thread would. */
export function clearHighlightMemo(): void {
  memo.clear();
  held = 0;
}
