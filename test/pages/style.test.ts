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
    expect(css).toContain('@media (prefers-color-scheme: dark)');
    expect(css).toMatch(/:focus-visible \{[^}]*outline/);
    expect(css).toMatch(/img\[src\$="#center"\] \{[^}]*margin-inline: auto/);
  });
});
