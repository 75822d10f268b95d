/**
 * Other generators' heading ids, rule by rule, against the expectations of each generator's own
 * tests and documentation (cited per table), then what the markdown stage keeps of them.
 */
import { describe, expect, it } from 'vitest';
import { foreignIds } from '../../src/markdown/facts/foreign-ids.ts';
import { SLUG_RULES, blackfridaySlug, hugoSlug, kramdownSlug, zolaSlug } from '../../src/markdown/facts/slug-rules.ts';

/** The ids one page's headings get from `rule`, in order, repeats numbered as that generator does. */
function idsOf(rule: string, texts: readonly string[]): string[] {
  const slug = SLUG_RULES.find((candidate) => candidate.id === rule)!.slugger();
  return texts.map(slug);
}

describe('Zola (slugify.anchors = "on")', () => {
  // getzola/zola components/utils/src/slugs.rs, `can_slugify_anchors`, the "on" column.
  it.each([
    ['input', 'input'],
    ['test ', 'test'],
    ['tes t', 'tes-t'],
    ['dot. ', 'dot'],
    ['日本', 'ri-ben'],
    ['héhé', 'hehe'],
    ['test (hey)', 'test-hey'],
  ])('Zola tests: %j → %j', (input, expected) => expect(zolaSlug(input)).toBe(expected));

  // The slug crate Zola calls, its doc tests (with `-`, the separator Zola uses).
  it.each([
    ['My Test String!!!1!1', 'my-test-string-1-1'],
    ['test\nit   now!', 'test-it-now'],
    ['  --test_-_cool', 'test-cool'],
    ['Æúű--cool?', 'aeuu-cool'],
    ['You & Me', 'you-me'],
    ['user@example.com', 'user-example-com'],
  ])('slug crate: %j → %j', (input, expected) => expect(zolaSlug(input)).toBe(expected));

  it('numbers repeats as the documentation shows (content/linking.md)', () => {
    expect(idsOf('zola', ['Something exciting!', 'Example code', 'Something else', 'Example code'])).toEqual([
      'something-exciting',
      'example-code',
      'something-else',
      'example-code-1',
    ]);
  });

  it("gives What's next? the id of the issue's example", () => expect(zolaSlug("What's next?")).toBe('what-s-next'));
});

describe('Hugo (autoHeadingIDType)', () => {
  // gohugoio/hugo markup/goldmark/autoid_test.go, TestSanitizeAnchorName ("generated manually on github.com").
  it.each([
    ['God is good: 神真美好', 'god-is-good-神真美好'],
    ['Number 32', 'number-32'],
    ['Question?', 'question'],
    ['1+2=3', '123'],
    ['Special !"#$%&(parens)=?´* chars', 'special-parens-chars'],
    ['Resumé', 'resumé'],
    ['One-Hyphen', 'one-hyphen'],
    ['Multiple--Hyphens', 'multiple--hyphens'],
    ['Trailing hyphen-', 'trailing-hyphen-'],
    ['Many   spaces  here', 'many---spaces--here'],
    ['Forward/slash', 'forwardslash'],
    ['Backward\\slash', 'backwardslash'],
    ['Under_score', 'under_score'],
    ['Nonbreaking\u00a0Space', 'nonbreakingspace'],
    ['Tab\tSpace', 'tabspace'],
    ['Trailing Space ', 'trailing-space'],
  ])('"github" (the default): %j → %j', (input, expected) => expect(hugoSlug(input)).toBe(expected));

  // Same file, TestSanitizeAnchorNameAsciiOnly and TestSanitizeAnchorNameBlackfriday.
  it('"github-ascii" strips accents, then what is not ASCII', () => {
    expect(hugoSlug('god is神真美好 good', true)).toBe('god-is-good');
    expect(hugoSlug('Resumé', true)).toBe('resume');
  });

  it('"blackfriday" joins runs of letters and numbers with one hyphen', () => {
    expect(blackfridaySlug("Let's try this, shall we?")).toBe('let-s-try-this-shall-we');
  });

  // markup/goldmark/autoid.go, idFactory.Generate: `heading` when nothing is left, `-1`, `-2` for repeats.
  it('names an empty id "heading" and numbers repeats', () => {
    expect(idsOf('hugo', ['Intro', '???', 'Intro', 'Intro'])).toEqual(['intro', 'heading', 'intro-1', 'intro-2']);
    expect(idsOf('hugo-blackfriday', ["What's next?", "What's next?"])).toEqual(['what-s-next', 'what-s-next-1']);
  });
});

describe('Jekyll (kramdown, input: GFM, the default)', () => {
  // kramdown/parser-gfm test/testcases/header_ids.html, in its order (the `myid` heading has an id of its own).
  it('gives the ids of kramdown-parser-gfm\'s header_ids test', () => {
    expect(
      idsOf('jekyll', ['variable_name', 'abc def öúß', '192 abc 192', ';.;;', 'variable_name', 'variable_name', ';;', 'before \tafter tab', 'with code', 'With “smart” quotes']),
    ).toEqual(['variable_name', 'abc-def-öúß', '192-abc-192', '', 'variable_name-1', 'variable_name-2', '-1', 'before--after-tab', 'with-code', 'with-smart-quotes']);
  });
});

describe('kramdown (input: kramdown)', () => {
  // gettalong/kramdown test/testcases/block/04_header/with_auto_ids.{text,html}, in its order.
  it("gives the ids of kramdown's with_auto_ids test", () => {
    expect(idsOf('kramdown', ['This is a header', '12. Another one-1-here', 'Do ^& it now', 'Hallo', 'Not now', 'Hallo', '23232', '33333', 'hallO'])).toEqual([
      'this-is-a-header',
      'another-one-1-here',
      'do--it-now',
      'hallo',
      'not-now',
      'hallo-1',
      'section',
      'section-1',
      'hallo-2',
    ]);
  });

  it('drops what is not ASCII', () => expect(kramdownSlug('Über uns')).toBe('ber-uns'));
});

describe('GitHub (github-slugger, as Docusaurus and Astro and this tool)', () => {
  // github-slugger's README: `slugger.slug('foo')` twice is foo, foo-1.
  it('numbers repeats', () => expect(idsOf('github', ["What's next?", 'foo', 'foo'])).toEqual(['whats-next', 'foo', 'foo-1']));
});

describe('foreignIds: what the markdown stage keeps', () => {
  it('keeps only the ids that differ from ours, each with the rules that give it', () => {
    const ids = foreignIds([
      { id: 'intro', text: 'Intro' },
      { id: 'whats-next', text: "What's next?" },
      { id: 'über-uns', text: 'Über uns' },
    ]);
    expect(ids).toEqual([
      { from: 'what-s-next', id: 'whats-next', text: "What's next?", rules: ['zola', 'hugo-blackfriday'] },
      { from: 'uber-uns', id: 'über-uns', text: 'Über uns', rules: ['zola', 'hugo-ascii'] },
      { from: 'ber-uns', id: 'über-uns', text: 'Über uns', rules: ['kramdown'] },
    ]);
  });

  it('gives a heading with an id of its own the ids its text would get', () => {
    expect(foreignIds([{ id: 'next', text: "What's next?" }]).map((entry) => [entry.from, entry.rules])).toEqual([
      ['what-s-next', ['zola', 'hugo-blackfriday']],
      ['whats-next', ['hugo', 'hugo-ascii', 'jekyll', 'kramdown', 'github']],
    ]);
  });
});
