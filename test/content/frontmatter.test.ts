/** Front matter splitting and parsing: data, and positions that point at the right line and column. */
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/content/frontmatter.ts';

const ok = (text: string) => {
  const result = parseFrontMatter(text);
  if (!result.ok) throw new Error(`expected front matter to parse: ${JSON.stringify(result.problems)}`);
  return result.frontMatter;
};
const problems = (text: string) => {
  const result = parseFrontMatter(text);
  if (result.ok) throw new Error('expected front matter problems');
  return result.problems.map((p) => `${p.place.line}:${p.place.column} ${p.ruleId} ${p.reason}`);
};

describe('parseFrontMatter', () => {
  describe('valid', () => {
    it.each([
      ['YAML', '---\ntitle: Hi\ndate: 2025-02-03\n---\nBody', 'yaml', { title: 'Hi', date: '2025-02-03' }],
      ['YAML with CRLF', '---\r\ntitle: Hi\r\ndate: 2025-02-03\r\n---\r\nBody', 'yaml', { title: 'Hi', date: '2025-02-03' }],
      ['empty YAML', '---\n---\nBody', 'yaml', {}],
      ['no front matter', '# Title\n\nBody', 'none', {}],
      ['a thematic break is not front matter', '----\n\nBody', 'none', {}],
      // Hugo reads longer dash fences; see fences.test.ts for when a dash line is one.
      ['YAML between six-dash fences', '------\ntitle: Hi\n------\nBody', 'yaml', { title: 'Hi' }],
      ['YAML closed by a longer dash line', '---\ntitle: Hi\n-----\nBody', 'yaml', { title: 'Hi' }],
      ['two rules around a line of text are no front matter', '------\nJust text\n------\nBody', 'none', {}],
      ['TOML', '+++\ntitle = "Hi"\ntags = ["a", "b"]\n+++\nBody', 'toml', { title: 'Hi', tags: ['a', 'b'] }],
    ])('%s', (_name, text, format, data) => {
      const frontMatter = ok(text);
      expect(frontMatter.format).toBe(format);
      expect(frontMatter.data).toEqual(data);
    });

    it('applies YAML merge keys (`<<: *defaults`), as Hugo, Jekyll and js-yaml do; own keys win', () => {
      const frontMatter = ok('---\n_defaults: &defaults\n  tags: [yaml, merge]\n  author: Jane\n<<: *defaults\nauthor: Joe\n---\n');
      expect(frontMatter.data).toEqual({ _defaults: { tags: ['yaml', 'merge'], author: 'Jane' }, tags: ['yaml', 'merge'], author: 'Joe' });
      // A message about a merged value points at where it was written: the anchor's mapping.
      expect(frontMatter.locate(['tags', 1])).toEqual({ line: 3, column: 16 });
      expect(frontMatter.locate(['author'])).toEqual({ line: 6, column: 9 });
    });

    it('merges a list of anchors, the first winning', () => {
      const text = '---\na: &a { x: 1 }\nb: &b { x: 2, y: 2 }\nc:\n  <<: [*a, *b]\n---\n';
      expect(ok(text).data.c).toEqual({ x: 1, y: 2 });
    });

    it('keeps timestamps as strings (YAML 1.2 core schema), so dates are validated by us', () => {
      expect(ok('---\ndate: 2025-02-03T10:00:00+02:00\n---\n').data.date).toBe('2025-02-03T10:00:00+02:00');
    });
  });

  describe('positions', () => {
    const yaml = ok('---\ntitle: Hi\nauthors: [a, b]\nseo:\n  title: X\n---\nBody');
    it.each([
      [['title'], { line: 2, column: 8 }],
      [['authors', 1], { line: 3, column: 14 }],
      [['seo', 'title'], { line: 5, column: 10 }],
      [['missing'], { line: 2, column: 1 }],
    ])('YAML %j', (path, point) => {
      expect(yaml.locate(path)).toEqual(point);
    });

    it('CRLF positions count lines the same way', () => {
      expect(ok('---\r\ntitle: Hi\r\ndate: x\r\n---\r\n').locate(['date'])).toEqual({ line: 3, column: 7 });
    });

    it('TOML points at the line that assigns the key', () => {
      expect(ok('+++\ntitle = "Hi"\ndate = 2025-01-01\n+++\n').locate(['date'])).toEqual({ line: 3, column: 1 });
    });
  });

  describe('invalid, with the exact message', () => {
    it.each([
      ['unclosed YAML', '---\ntitle: x\nno close', ['1:1 frontmatter-unclosed Front matter opened with `---` is never closed']],
      ['a YAML list', '---\n- a\n- b\n---\n', ['2:1 frontmatter-syntax Front matter must be a mapping of keys to values']],
      ['duplicate keys', '---\ntitle: a\ntitle: b\n---\n', ['3:1 frontmatter-syntax Invalid YAML front matter: Map keys must be unique']],
      ['broken TOML', '+++\ntitle = \n+++\n', ['2:9 frontmatter-syntax Invalid TOML front matter: Invalid TOML document: invalid value']],
    ])('%s', (_name, text, expected) => {
      expect(problems(text)).toEqual(expected);
    });

    it('refuses a YAML alias bomb made of merge keys too', () => {
      const bomb = ['---', 'a: &a { k0: x, k1: x, k2: x, k3: x, k4: x, k5: x, k6: x, k7: x, k8: x }'];
      for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd']]) {
        bomb.push(`${name}: &${name} [${Array(9).fill(`{ <<: *${previous} }`).join(', ')}]`);
      }
      bomb.push('---', '');
      expect(problems(bomb.join('\n'))).toEqual([
        // At the first alias of something that holds aliases: `*b` in c's list, where the expansion multiplies.
        '4:14 frontmatter-syntax Invalid YAML front matter: Excessive alias count indicates a resource exhaustion attack',
      ]);
    });

    it('refuses a YAML alias bomb instead of expanding it', () => {
      const bomb = ['---', 'a: &a [x, x, x, x, x, x, x, x, x]'];
      for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd']]) {
        bomb.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
      }
      bomb.push('---', '');
      expect(problems(bomb.join('\n'))).toEqual([
        '4:8 frontmatter-syntax Invalid YAML front matter: Excessive alias count indicates a resource exhaustion attack',
      ]);
    });

    it('refuses more than 100 aliases at the 101st, even when each names another anchor', () => {
      // The yaml package's own limit counts uses of one anchor; its counting is quadratic in the
      // aliases (see registries.test.ts for the time), so the number of aliases is bounded first.
      const names = Array.from({ length: 150 }, (_, i) => `a${i}`);
      const text = `---\ndefs: [${names.map((name) => `&${name} x`).join(', ')}]\nlist: [${names.map((name) => `*${name}`).join(', ')}]\n---\n`;
      const column = `list: [${names.slice(0, 100).map((name) => `*${name}, `).join('')}`.length + 1;
      expect(problems(text)).toEqual([`3:${column} frontmatter-syntax Invalid YAML front matter: more than 100 aliases (*name): a file that repeats itself this much is refused`]);
    });
  });
});
