import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CALLOUT_KINDS } from '../../src/markdown/callouts/kinds.ts';

const css = await readFile(new URL('../../static/style.css', import.meta.url), 'utf8');

describe('default stylesheet', () => {
  it('is balanced and keeps media, code and tables inside a narrow screen', () => {
    expect(css.split('{').length).toBe(css.split('}').length);
    expect(css).toMatch(/img, iframe, video \{[^}]*max-width: 100%/);
    expect(css).toMatch(/pre \{[^}]*overflow-x: auto/);
    expect(css).toMatch(/table \{[^}]*overflow-x: auto/);
    expect(css).toMatch(/\.table-scroll \{[^}]*overflow-x: auto/);
    expect(css).toMatch(/iframe\[width\]\[height\] \{[^}]*height: auto;[^}]*aspect-ratio: attr\(width type\(<number>\), 16\) \/ attr\(height type\(<number>\), 9\)/);
    expect(css).toMatch(/\.reading-time \{ white-space: nowrap; \}/);
  });

  it('defines dark colours once, for the system setting and for the toggle, screen only', () => {
    // One block of custom properties; each colour a light-dark() pair, picked by color-scheme.
    expect(css.match(/--bg:/g)).toHaveLength(1);
    expect(css).toMatch(/\n:root \{[^}]*color-scheme: light dark;[^}]*--bg: light-dark\(#[0-9a-f]{6}, #[0-9a-f]{6}\)/);
    expect(css).toContain(':root[data-theme="light"] { color-scheme: light; }');
    expect(css).toContain(':root[data-theme="dark"] { color-scheme: dark; }');
    expect(css.slice(css.indexOf('@media print'))).toMatch(/^@media print \{\s*:root, :root\[data-theme\] \{ color-scheme: light; \}/);
    expect(css).toMatch(/:focus-visible \{[^}]*outline/);
    expect(css).toMatch(/img\[src\$="#center"\] \{[^}]*margin-inline: auto/);
  });

  it('colours Shiki code from its light and dark variables by the colour scheme', () => {
    expect(css).toMatch(/\.shiki \{[^}]*background-color: light-dark\(var\(--shiki-light-bg\), var\(--shiki-dark-bg\)\)[^}]*color: light-dark\(var\(--shiki-light\), var\(--shiki-dark\)\)/);
    expect(css).toMatch(/\.shiki span \{[^}]*color: light-dark\(var\(--shiki-light\), var\(--shiki-dark\)\)/);
  });

  it('gives each callout kind a colour of its own, at 4.5:1 on the page and surface colours in light and dark', () => {
    const root = css.slice(css.indexOf('\n:root {'), css.indexOf('}', css.indexOf('\n:root {')));
    const pairs = [...root.matchAll(/(--[\w-]+): light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\);/g)];
    const blocks = [2, 3].map((side) => Object.fromEntries(pairs.map((match) => [match[1]!, match[side]!])));
    for (const colours of blocks) {
      const kinds = Object.keys(CALLOUT_KINDS).map((kind) => colours[`--callout-${kind}`]!);
      expect(new Set(kinds).size).toBe(kinds.length);
      for (const colour of kinds) {
        expect(contrast(colour, colours['--bg']!), colour).toBeGreaterThanOrEqual(4.5);
        expect(contrast(colour, colours['--surface']!), colour).toBeGreaterThanOrEqual(4.5);
      }
      // Text on the page and muted text, in each scheme.
      expect(contrast(colours['--fg']!, colours['--bg']!)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colours['--muted']!, colours['--bg']!)).toBeGreaterThanOrEqual(4.5);
    }
    for (const kind of Object.keys(CALLOUT_KINDS).filter((kind) => kind !== 'note')) {
      expect(css).toContain(`.callout-${kind} { --callout: var(--callout-${kind}); }`);
    }
  });

  it('prints the text with link URLs, without navigation, toggle or search', () => {
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toMatch(/\.site-nav, \.search-form, \.theme-toggle[^{]*\{ display: none/);
    expect(print).toMatch(/a\[href\][^{]*::after \{[^}]*attr\(href\)/);
  });
});

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((at) => {
      const c = parseInt(hex.slice(at, at + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}
