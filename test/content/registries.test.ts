import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseAuthors } from '../../src/content/registries.ts';
import type { AuthorEntry } from '../../src/types.ts';

/** Parse an authors.yml text; the entries and the messages' text, line and rule. */
function parse(text: string): { authors: AuthorEntry[]; messages: string[] } {
  const file = new VFile({ path: 'content/authors.yml', value: text });
  const authors = [...parseAuthors(file).values()];
  return { authors, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.reason} ${m.ruleId}`) };
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
