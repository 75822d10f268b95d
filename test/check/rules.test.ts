/**
 * Every rule of `npm run check` on a site built to trigger it (test/sites/check-rules), with the exact
 * messages, and a site of tricky but correct content (test/sites/check-clean) where none may fire.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, jsonMessages, runCli, type CliRun } from '../helpers/cli.ts';
import { linesOf } from './helpers.ts';

let run: CliRun;
let clean: CliRun;

beforeAll(async () => {
  [run, clean] = await Promise.all([
    runCli(['check', '--root', path.join(PROJECT, 'test/sites/check-rules'), '--format', 'json']),
    runCli(['check', '--root', path.join(PROJECT, 'test/sites/check-clean'), '--format', 'json']),
  ]);
});

const lines = (rule: string) => linesOf(jsonMessages(run), rule);

describe('check rules fire on their fixtures', () => {
  it('fails the check: broken links and anchors are errors', () => {
    expect(run.code).toBe(1);
  });

  it('broken-link: posts, tags, authors, pages and static files the site does not produce, base path aware', () => {
    expect(lines('broken-link')).toEqual([
      'links.md:12:9 error Broken link /posts/nope/: the site has no page or file at /blog/posts/nope/',
      'links.md:12:34 error Broken link /tags/nope/: the site has no page or file at /blog/tags/nope/',
      'links.md:12:57 error Broken link /authors/nobody/: the site has no page or file at /blog/authors/nobody/',
      'links.md:13:1 error Broken link /page/2/: the site has no page or file at /blog/page/2/',
      'links.md:13:24 error Broken link /files/nope.pdf: the site has no page or file at /blog/files/nope.pdf',
      'links.md:13:59 error Broken link ../missing-page/: the site has no page or file at /blog/posts/missing-page/',
      'links.md:15:22 error Link to a post that does not exist or is not published: ./gone.md',
      'links.md:15:68 error Broken link /blog/posts/anchors/: the site has no page or file at /blog/blog/posts/anchors/ (links starting with / get the base path /blog/ already)',
      // A draft exists: publishing it mends the link, so it only warns.
      'links.md:17:31 warning Link to a post that does not exist or is not published: ./draft.md',
    ]);
  });

  it('broken-anchor: fragments naming no id on this post or the target post, with a guess', () => {
    expect(lines('broken-anchor')).toEqual([
      'anchors.md:15:9 error Broken anchor #nope: no heading or element with that id on this page',
      'anchors.md:15:24 error Broken anchor #Details: no heading or element with that id on this page (did you mean #details?)',
      'anchors.md:15:48 error Broken anchor #missing: no heading or element with that id on /blog/posts/images/',
      'anchors.md:15:78 error Broken anchor #gone: no heading or element with that id on /blog/posts/images/',
    ]);
  });

  it('missing-asset: a local image that does not exist', () => {
    expect(lines('missing-asset')).toEqual([
      'images.md:19:1 warning Missing local file ./missing.png (looked for test/sites/check-rules/content/posts/missing.png)',
    ]);
  });

  it('image-alt: markdown and HTML images with empty, blank or no alt text', () => {
    expect(lines('image-alt')).toEqual([
      'images.md:13:1 warning Image ./pixel.png has no alt text: describe what it shows for readers who cannot see it',
      'images.md:15:1 warning Image ./pixel.png has no alt text: describe what it shows for readers who cannot see it',
      'images.md:17:1 warning Image ./pixel.png has no alt text: describe what it shows for readers who cannot see it',
    ]);
  });

  it('mojibake: each garbled stretch with its repair', () => {
    expect(lines('mojibake')).toEqual([
      'garbled.md:9:3 warning Garbled text "â€™" (UTF-8 read as Windows-1252): should read "’"',
      'garbled.md:9:17 warning Garbled text "ðŸ˜›" (UTF-8 read as Windows-1252): should read "😛"',
      'garbled.md:9:32 warning Garbled text "Ã©" (UTF-8 read as Windows-1252): should read "é"',
    ]);
  });

  it('invisible-chars: a zero-width space, a stray variation selector, a bidi override', () => {
    expect(lines('invisible-chars')).toEqual([
      'garbled.md:11:7 warning Invisible character U+200B ZERO WIDTH SPACE where no script needs it: remove it',
      'garbled.md:11:29 warning Invisible character U+FE0F VARIATION SELECTOR-16 after white space, not an emoji: remove it',
      'garbled.md:11:46 warning Invisible character U+202E RIGHT-TO-LEFT OVERRIDE: remove it',
    ]);
  });

  it('unknown-author: a bare key missing from authors.yml', () => {
    expect(lines('unknown-author')).toEqual(['urls.md:4:11 warning Unknown author "gerit": not a key of authors.yml; using it as a name']);
  });

  it('similar-tags: a typo and a plural, reported on the rarer spelling at its front matter line', () => {
    expect(lines('similar-tags')).toEqual([
      'images.md:5:8 warning Tag "kubernets" looks like "kubernetes" (3 posts): if they are one tag, use one spelling or add an alias in tags.yml',
      'urls.md:5:8 warning Tag "conference" looks like "conferences" (2 posts): if they are one tag, use one spelling or add an alias in tags.yml',
    ]);
  });

  it('empty-url: an empty href, a javascript: URL and src="//"', () => {
    expect(lines('empty-url')).toEqual([
      'urls.md:9:4 warning <a href=""> is empty: it leads nowhere',
      'urls.md:9:25 warning <a href="javascript:alert(1)"> runs script instead of linking',
      'urls.md:11:1 warning <iframe src="//"> has no host: it leads nowhere',
    ]);
  });

  it('no-excerpt: a long post without marker or description, at info once the config turns it on', () => {
    expect(lines('no-excerpt')).toEqual([
      'long.md:1:1 info Long post (450 words) with no <!-- more --> marker and no description: lists and feeds show only its first paragraph',
    ]);
  });

  it('reports nothing else', () => {
    const rules = new Set(jsonMessages(run).map((message) => message.rule));
    expect([...rules].sort()).toEqual(
      ['broken-anchor', 'broken-link', 'empty-url', 'image-alt', 'invisible-chars', 'missing-asset', 'mojibake', 'no-excerpt', 'similar-tags', 'unknown-author'],
    );
  });
});

describe('check rules stay silent on clean content', () => {
  it('passes links to every kind of page, emoji sequences, joiners in scripts that need them, accented capitals', () => {
    expect(jsonMessages(clean)).toEqual([]);
    expect(clean.code).toBe(0);
  });
});
