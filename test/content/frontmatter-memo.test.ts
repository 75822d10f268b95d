/** Front matter remembered across builds: the same data and positions as a fresh parse, and only what JSON keeps. */
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/content/frontmatter.ts';
import { emptyMemo, parseRemembered, usedEntries } from '../../src/content/frontmatter-memo.ts';

const YAML_POST = '---\ntitle: Hello\ndate: 2025-02-03\nauthors: [gerrit, thierry]\nseo:\n  description: Short.\n---\n\nBody.\n';

/** A memo as the next build gets it: through JSON, as the cache stores it. */
function reloaded(memo: ReturnType<typeof emptyMemo>) {
  return emptyMemo(JSON.parse(JSON.stringify(usedEntries(memo))));
}

describe('parseRemembered', () => {
  it('answers a second build from the memo with the same data and the same positions', () => {
    const first = emptyMemo();
    const fresh = parseRemembered(YAML_POST, first);
    expect(first.added).toBe(true);

    const second = reloaded(first);
    const remembered = parseRemembered(YAML_POST, second);
    expect(second.added).toBe(false);
    if (!fresh.ok || !remembered.ok) throw new Error('expected valid front matter');
    expect(remembered.frontMatter.data).toEqual(fresh.frontMatter.data);
    for (const path of [['title'], ['authors', 1], ['seo', 'description'], ['missing']]) {
      expect(remembered.frontMatter.locate(path)).toEqual(fresh.frontMatter.locate(path));
    }
    expect(remembered.frontMatter.locate(['authors', 1])).toEqual({ line: 4, column: 19 });
  });

  it('does not remember values JSON would change: TOML dates, .inf, .nan', () => {
    for (const text of ['+++\ntitle = "T"\ndate = 2025-02-03\n+++\n', '---\nweight: .inf\n---\n', '---\nweight: .nan\n---\n']) {
      const memo = emptyMemo();
      expect(parseRemembered(text, memo)).toEqual(expect.objectContaining({ ok: true }));
      expect(memo.entries.size, text).toBe(0);
    }
  });

  it('never remembers broken front matter, and reports it as a fresh parse does', () => {
    const broken = '---\ntitle: [unclosed\n---\n';
    const memo = emptyMemo();
    expect(parseRemembered(broken, memo)).toEqual(parseFrontMatter(broken));
    expect(memo.entries.size).toBe(0);
  });

  it('keeps for the next build only the entries this build used', () => {
    const memo = emptyMemo();
    parseRemembered(YAML_POST, memo);
    parseRemembered(YAML_POST.replace('Hello', 'Changed'), memo);
    const next = reloaded(memo);
    parseRemembered(YAML_POST, next);
    expect(Object.keys(usedEntries(next))).toHaveLength(1);
  });
});
