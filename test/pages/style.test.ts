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
  });

  it('supports dark mode, focus styles and centred `#center` images', () => {
    // Dark on screen only (print stays dark on white), from the system or from the toggle's choice.
    expect(css).toContain('@media screen and (prefers-color-scheme: dark)');
    expect(css).toMatch(/:root:not\(\[data-theme="light"\]\) \{[^}]*--bg:/);
    expect(css).toMatch(/:root\[data-theme="dark"\] \{[^}]*--bg:/);
    expect(css).toMatch(/:focus-visible \{[^}]*outline/);
    expect(css).toMatch(/img\[src\$="#center"\] \{[^}]*margin-inline: auto/);
  });

  it('colours Shiki code from its variables in light, system dark and chosen dark', () => {
    expect(css).toMatch(/\.shiki \{[^}]*background-color: var\(--shiki-light-bg\)[^}]*color: var\(--shiki-light\)/);
    expect(css).toMatch(/:root:not\(\[data-theme="light"\]\) \.shiki span \{[^}]*color: var\(--shiki-dark\)/);
    expect(css).toMatch(/:root\[data-theme="dark"\] \.shiki \{[^}]*background-color: var\(--shiki-dark-bg\)/);
  });

  it('gives each callout kind a colour of its own, at 4.5:1 on the page and surface colours in light and dark', () => {
    const blocks = ['\n:root {', ':root:not([data-theme="light"]) {', ':root[data-theme="dark"] {'].map((start) => {
      const body = css.slice(css.indexOf(start), css.indexOf('}', css.indexOf(start)));
      return Object.fromEntries([...body.matchAll(/(--[\w-]+): (#[0-9a-f]{6});/g)].map((match) => [match[1]!, match[2]!]));
    });
    for (const colours of blocks) {
      const kinds = Object.keys(CALLOUT_KINDS).map((kind) => colours[`--callout-${kind}`]!);
      expect(new Set(kinds).size).toBe(kinds.length);
      for (const colour of kinds) {
        expect(contrast(colour, colours['--bg']!), colour).toBeGreaterThanOrEqual(4.5);
        expect(contrast(colour, colours['--surface']!), colour).toBeGreaterThanOrEqual(4.5);
      }
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
