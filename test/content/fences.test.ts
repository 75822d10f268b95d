import { describe, expect, it } from 'vitest';
import { plainFences } from '../../src/content/fences.ts';
import { readPostSync } from '../../src/content/read.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('plainFences', () => {
  describe('valid: left as written', () => {
    it.each([
      ['three-dash fences', '---\ntitle: x\n---\nBody'],
      ['no front matter', '# Title\n\n------\n'],
      ['TOML', '+++\ntitle = "x"\n+++\n'],
      ['a rule, then text that is no YAML mapping, then a rule', '------\nJust a line.\n------\nBody'],
      ['a rule with nothing after it', '-----\ntitle: x\n'],
      ['a lone rule', '------'],
    ])('%s', (_name, text) => {
      expect(plainFences(text)).toEqual({ text, notes: [] });
    });
  });

  describe('convertible: a longer fence becomes `---` and spaces, same length, with a note', () => {
    it.each<[string, string, string, Array<[string, number, 'opened' | 'closed']>]>([
      ['six-dash fences', '------\ntitle: x\n------\nBody', '---   \ntitle: x\n---   \nBody', [['------', 1, 'opened'], ['------', 3, 'closed']]],
      ['a long close only, CRLF', '---\r\ntitle: x\r\n-----\r\nBody', '---\r\ntitle: x\r\n---  \r\nBody', [['-----', 3, 'closed']]],
      ['a long open, a comment first', '----\n# note\n"a b": 1\n---\n', '--- \n# note\n"a b": 1\n---\n', [['----', 1, 'opened']]],
      ['spaces after the fence kept', '----  \nk: v\n----\n', '---   \nk: v\n--- \n', [['----', 1, 'opened'], ['----', 3, 'closed']]],
    ])('%s', (_name, text, plain, notes) => {
      const result = plainFences(text);
      expect(result.text).toBe(plain);
      expect(result.text.length).toBe(text.length);
      expect(result.notes).toEqual(notes.map(([fence, line, role]) => ({ fence, line, role })));
    });
  });

  it('a post read from disk gets a positioned warning per fence, and its front matter', () => {
    const dir = mkdtempSync(path.join(process.env.BLOG_TEST_TMP ?? os.tmpdir(), 'fences-'));
    writeFileSync(path.join(dir, 'hugo.md'), '------\ntitle: From Hugo\n------\n\nBody.\n');
    const { file, post } = readPostSync(dir, 'hugo.md', new Map(), dir);
    expect(post?.frontMatter.data).toEqual({ title: 'From Hugo' });
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.fatal} ${m.ruleId} ${m.reason}`)).toEqual([
      '1:1 false frontmatter-fence Front matter opened with "------" instead of "---": read as front matter',
      '3:1 false frontmatter-fence Front matter closed with "------" instead of "---": read as front matter',
    ]);
  });
});
