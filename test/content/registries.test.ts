import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseAuthors, parseTags } from '../../src/content/registries.ts';
import type { AuthorEntry, TagEntry } from '../../src/types.ts';

/** Parse an authors.yml text; the entries and the messages' text, line and rule. */
function parse(text: string): { authors: AuthorEntry[]; messages: string[] } {
  const file = new VFile({ path: 'content/authors.yml', value: text });
  const authors = [...parseAuthors(file).values()];
  return { authors, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.reason} ${m.ruleId}`) };
}

/** Parse a tags.yml text; the entries and the messages' text, line and rule. */
function parseTagsText(text: string): { tags: TagEntry[]; messages: string[] } {
  const file = new VFile({ path: 'content/tags.yml', value: text });
  const tags = [...parseTags(file).values()];
  return { tags, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.reason} ${m.ruleId}`) };
}

/** Nine levels of nine aliases each, `levels` deep: 9^levels values if expanded. */
function aliasBomb(levels: number): string {
  const lines = ['l0: &l0 { name: lol, label: lol }'];
  for (let level = 1; level <= levels; level++) lines.push(`l${level}: &l${level} [${Array(9).fill(`*l${level - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

describe('parseAuthors', () => {
  it('reads a Docusaurus authors.yml: image_url is the avatar, title the bio, socials kept, page accepted', () => {
    // The shape Docusaurus documents for blog/authors.yml.
    const { authors, messages } = parse(`slorber:
  name: Sébastien Lorber
  title: Docusaurus maintainer
  url: https://sebastienlorber.com
  image_url: https://github.com/slorber.png
  page:
    permalink: '/all-sebastien-lorber-articles'
  socials:
    x: sebastienlorber
    github: slorber
    newsletter: https://thisweekinreact.com
yangshun:
  name: Yangshun Tay
  title: Front End Engineer @ Facebook
  bio: Writes the docs.
  email: yangshun@example.org
  image_url: /img/yangshun.png
  page: true
`);
    expect(messages).toEqual([]);
    expect(authors).toEqual([
      {
        id: 'slorber',
        name: 'Sébastien Lorber',
        url: 'https://sebastienlorber.com',
        avatar: 'https://github.com/slorber.png',
        bio: 'Docusaurus maintainer',
        socials: { x: 'sebastienlorber', github: 'slorber', newsletter: 'https://thisweekinreact.com' },
        aliases: [],
      },
      // A bio the author wrote wins over the job title.
      { id: 'yangshun', name: 'Yangshun Tay', email: 'yangshun@example.org', avatar: '/img/yangshun.png', bio: 'Writes the docs.', aliases: [] },
    ]);
  });

  it('reads Hugo and Jekyll author data: name, avatar, bio, website', () => {
    const { authors, messages } = parse(`jane:
  name: Jane Doe
  avatar: /images/jane.jpg
  bio: Editor.
  website: https://jane.example
`);
    expect(messages).toEqual([]);
    expect(authors).toEqual([{ id: 'jane', name: 'Jane Doe', url: 'https://jane.example', avatar: '/images/jane.jpg', bio: 'Editor.', aliases: [] }]);
  });

  it('keeps the SPEC shape as it was: url wins over website, avatar over image_url', () => {
    const { authors } = parse(`gerrit:
  name: Gerrit
  url: https://github.com/Gerrit91
  website: https://other.example
  avatar: /a.png
  image_url: /b.png
  aliases: [gerrit91]
`);
    expect(authors).toEqual([{ id: 'gerrit', name: 'Gerrit', url: 'https://github.com/Gerrit91', avatar: '/a.png', aliases: ['gerrit91'] }]);
  });

  it('an unsafe image_url is reported at the id and ignored', () => {
    const { authors, messages } = parse(`eve:
  name: Eve
  image_url: "javascript:alert(1)"
`);
    expect(authors).toEqual([{ id: 'eve', name: 'Eve', aliases: [] }]);
    expect(messages).toEqual(['1:1 Unsafe image_url "javascript:alert(1)" for "eve": only http(s), mailto or a path; it is ignored invalid-url']);
  });
});

describe('hostile registries', () => {
  it('refuses a YAML alias bomb in authors.yml with an error at the alias that multiplies, not a stack trace', () => {
    const { authors, messages } = parse(aliasBomb(9));
    expect(authors).toEqual([]);
    // Line 3 is the first list of aliases of a list of aliases: where the expansion starts to multiply.
    expect(messages).toEqual(['3:10 Invalid YAML: Excessive alias count indicates a resource exhaustion attack registry-syntax']);
  });

  it('refuses a YAML alias bomb made of merge keys in tags.yml the same way', () => {
    const lines = ['a: &a { label: x, k1: x, k2: x, k3: x, k4: x, k5: x, k6: x, k7: x, k8: x }'];
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd']]) lines.push(`${name}: &${name} [${Array(9).fill(`{ <<: *${previous} }`).join(', ')}]`);
    const { tags, messages } = parseTagsText(`${lines.join('\n')}\n`);
    expect(tags).toEqual([]);
    expect(messages).toEqual(['3:14 Invalid YAML: Excessive alias count indicates a resource exhaustion attack registry-syntax']);
  });

  it('refuses a file of more than 100 aliases at the 101st, without counting them all (8,000 took 49 s)', () => {
    // Each alias names another anchor, so the yaml package's own limit never trips; its counting
    // visits the whole document once per alias: quadratic, over a minute for this 0.2 MB file.
    const count = 10_000;
    const anchors = Array.from({ length: count }, (_, i) => `  - &a${i} x`).join('\n');
    const text = `defs:\n${anchors}\nlist: &list [${Array.from({ length: count }, (_, i) => `*a${i}`).join(', ')}]\nuse:\n  name: *list\n`;
    const { authors, messages } = parse(text);
    expect(authors).toEqual([]);
    const column = `list: &list [${Array.from({ length: 100 }, (_, i) => `*a${i}, `).join('')}`.length + 1;
    expect(messages).toEqual([`${count + 2}:${column} Invalid YAML: more than 100 aliases (*name): a file that repeats itself this much is refused registry-syntax`]);
  });

  it('removes control characters from names, bios, socials and aliases, warning at each value', () => {
    const { authors, messages } = parse('eve:\n  name: "Eve\\x1b[31m"\n  bio: "Line\\x00 one"\n  socials: { x: "e\\x07ve" }\n  aliases: ["ev\\x08e"]\nbob: "Bob\\x0c"\n');
    expect(authors).toEqual([
      { id: 'eve', name: 'Eve[31m', bio: 'Line one', socials: { x: 'eve' }, aliases: ['eve'] },
      { id: 'bob', name: 'Bob', aliases: [] },
    ]);
    expect(messages).toEqual([
      '2:9 Control character U+001B removed from the name "Eve\\u{1B}[31m": HTML and feeds do not allow them control-chars',
      '3:8 Control character U+0000 removed from the bio "Line\\u{0} one": HTML and feeds do not allow them control-chars',
      '4:17 Control character U+0007 removed from the socials.x "e\\u{7}ve": HTML and feeds do not allow them control-chars',
      '5:13 Control character U+0008 removed from the aliases "ev\\u{8}e": HTML and feeds do not allow them control-chars',
      '6:6 Control character U+000C removed from the name "Bob\\u{C}": HTML and feeds do not allow them control-chars',
    ]);
  });

  it('removes control characters from tag labels and descriptions', () => {
    const { tags, messages } = parseTagsText('go:\n  label: "Go\\x00lang"\n  description: "The \\x1b[1mGo\\x1b[0m language"\n');
    expect(tags).toEqual([{ id: 'go', label: 'Golang', description: 'The [1mGo[0m language', aliases: [] }]);
    expect(messages).toEqual([
      '2:10 Control character U+0000 removed from the label "Go\\u{0}lang": HTML and feeds do not allow them control-chars',
      '3:16 Control character U+001B removed from the description "The \\u{1B}[1mGo\\u{1B}[0m language": HTML and feeds do not allow them control-chars',
    ]);
  });
});
