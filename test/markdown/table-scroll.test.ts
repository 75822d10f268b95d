/** Body tables in a focusable box that scrolls sideways, named for screen readers (src/markdown/table-scroll.ts). */
import { describe, expect, it } from 'vitest';
import { renderJob } from '../../src/markdown/render.ts';

const CONTEXT = { basePath: '/', cwd: '/tmp', contentDir: '/tmp', staticDirs: [], postPaths: new Map() };

function html(text: string): string {
  return renderJob({ path: '/tmp/post.md', cwd: '/tmp', sourcePath: '/tmp/post.md', text, pagePath: 'posts/post/', fileTitle: 'post', title: 'T' }, CONTEXT).html;
}

describe('table scroll boxes', () => {
  it('wrap a markdown table, named by its column headings', () => {
    expect(html('| Name | Size |\n|---|---|\n| a | 1 |\n')).toMatch(
      /^<div class="table-scroll" role="region" tabindex="0" aria-label="Name, Size"><table>\s*<thead>[\s\S]*<\/table><\/div>$/,
    );
  });

  it('name a raw HTML table by its caption, else by its first row', () => {
    expect(html('<table><caption>Prices in 2024</caption><tr><th>A</th></tr></table>\n')).toContain('aria-label="Prices in 2024"');
    expect(html('<table><tr><td>left</td><td>right</td></tr></table>\n')).toContain('aria-label="left, right"');
    expect(html('<table><tr><td></td></tr></table>\n')).toContain('aria-label="Table"');
  });

  it('cut a long name at a word, and never wrap a table twice', () => {
    const headings = Array.from({ length: 20 }, (_, i) => `Column number ${i + 1}`);
    const label = /aria-label="([^"]*)"/.exec(html(`| ${headings.join(' | ')} |\n|${'---|'.repeat(20)}\n`))![1]!;
    expect(label.length).toBeLessThanOrEqual(80);
    expect(label).toMatch(/^Column number 1, Column number 2, .*…$/);
    const wrapped = html('<div class="table-scroll" role="region" tabindex="0" aria-label="Mine"><table><tr><td>x</td></tr></table></div>\n');
    expect(wrapped.match(/table-scroll/g)).toHaveLength(1);
  });
});
