/** Reading time from a rendered body: words outside tags, scripts and styles; linear on any input. */
import { describe, expect, it } from 'vitest';
import { readingMinutes } from '../../src/markdown/reading.ts';

/** `count` words of prose. */
const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(' ');

describe('readingMinutes', () => {
  it.each([
    ['plain paragraphs', `<p>${words(440)}</p>`, 2],
    ['at least one minute', '<p>Hi.</p>', 1],
    ['tags split words and count for none', `<p>${words(220)}<br>${words(220)}</p><img src="a.png" alt="many words here">`, 2],
    ['scripts and styles are not read', `<p>${words(220)}</p><script>${words(2200)}</script><STYLE>${words(2200)}</STYLE>`, 1],
    ['an unclosed script is read as text', `<p>${words(220)}</p><script ${words(219)}`, 2],
    ['a < with no > after it is text', `<p>${words(220)}</p> a <${words(219)}`, 2],
  ])('%s', (_name, html, minutes) => {
    expect(readingMinutes(html)).toBe(minutes);
  });

  // 1–2 MB bodies the old regexes scanned to the end from every opener: O(n²). At 1 MB the first
  // two took 26 s and ~25 s, so they are doubled (~100 s each); the last took some 8 minutes.
  it('reads 280,000 unclosed `<script` openers in an attribute value (where `<` stays raw) in one pass', () => {
    const html = `<p title="${'<script'.repeat(280_000)}">${words(440)}</p>`;
    expect(readingMinutes(html)).toBe(2);
  });

  it('reads 280,000 `<style` openers with no end, after a script that has one', () => {
    const html = `<script>x</script><p>${'<style>'.repeat(280_000)}${words(440)}</p>`;
    expect(readingMinutes(html)).toBe(2);
  });

  it('reads HTML that ends in 1 MB of `<` (a hook may hand any HTML over) in one pass', () => {
    const html = `<p>${words(439)}</p>${'<'.repeat(1_000_000)}`;
    expect(readingMinutes(html)).toBe(2);
  });
});
