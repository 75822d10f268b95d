import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

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

  it('prints the text with link URLs, without navigation, toggle or search', () => {
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toMatch(/\.site-nav, \.search-form, \.theme-toggle[^{]*\{ display: none/);
    expect(print).toMatch(/a\[href\][^{]*::after \{[^}]*attr\(href\)/);
  });
});
