/**
 * Shapes the parser takes minutes over or overflows the stack on (issue 18, item 9) are refused
 * before it sees them, at the line and column where the limit is crossed, in milliseconds; a stack
 * overflow the screen did not foresee is a positioned error of its post, not a crash. Posts near
 * the limits, and the characters of the shapes used innocently, still render.
 */
import { describe, expect, it } from 'vitest';
import { MAX_TREE_DEPTH } from '../../src/markdown/depth.ts';
import { MAX_EMPHASIS_RUNS, MAX_NESTING } from '../../src/markdown/limits.ts';
import { renderJob } from '../../src/markdown/render.ts';
import type { MarkdownContext, MarkdownResult } from '../../src/markdown/job.ts';

const CONTEXT: MarkdownContext = { basePath: '/', cwd: '/site', contentDir: '/site/content', staticDirs: [], postPaths: new Map() };
/** Front matter of four lines: the body starts on line 5. */
const HEAD = '---\ntitle: Shapes\n---\n\n';

function render(body: string): MarkdownResult {
  return renderJob({ path: '/site/content/posts/a.md', cwd: '/site', sourcePath: '/site/content/posts/a.md', text: HEAD + body, pagePath: 'posts/a/', title: 'Shapes', fileTitle: 'a' }, CONTEXT);
}

/** The post's errors as `rule line:column`. */
function errors(result: MarkdownResult): string[] {
  return result.messages.filter((message) => message.fatal).map((message) => `${message.ruleId} ${message.place && 'line' in message.place ? `${message.place.line}:${message.place.column}` : '?'}`);
}

// Each took from 20 s to over 300 s on main before ending in "Maximum call stack size exceeded";
// the test's own timeout (10 s) keeps a regression from holding the suite for minutes.
describe('shapes past a limit are refused where the limit is crossed', () => {
  it.each([
    // The 101st marker of one line: `- ` is two columns wide.
    ['list items on one line (- × 8,000)', '- '.repeat(8000) + 'x\n', 'render-nesting 5:201'],
    ['nested list items by indentation', Array.from({ length: 150 }, (_, depth) => `${'  '.repeat(depth)}- item`).join('\n'), 'render-nesting 105:201'],
    ['block quotes (> × 50,000)', '>'.repeat(50_000) + ' x\n', 'render-nesting 5:101'],
    ['quotes and lists mixed', '> - '.repeat(60) + 'x\n', 'render-nesting 5:201'],
    ['brackets ([ × 50,000 then ] × 50,000)', '['.repeat(50_000) + ']'.repeat(50_000) + '\n', 'render-nesting 5:101'],
    ['brackets over the lines of one paragraph', 'text [\n'.repeat(120), 'render-nesting 105:6'],
    ['emphasis runs (*a × 40,000)', '*a'.repeat(40_000) + '\n', `render-nesting 5:${2 * MAX_EMPHASIS_RUNS + 1}`],
    ['one long emphasis run around a word', '*'.repeat(5000) + 'a' + '*'.repeat(5000) + '\n', 'render-nesting 5:1'],
  ])('%s', (_, body, expected) => {
    const result = render(body);
    expect(errors(result)).toEqual([expected]);
    expect(result.messages.find((message) => message.fatal)?.reason).toMatch(/not rendered$/);
    expect(result.html).toBe('');
  }, 10_000);

  it('names the limit in the message', () => {
    expect(render('- '.repeat(200) + 'x\n').messages[0]?.reason).toBe(`More than ${MAX_NESTING} nested list items and block quotes (markdown-it's limit too): not rendered`);
  });
});

describe('deep trees the screen lets through', () => {
  it('a stack overflow is an error of its post, not a crash (10,000 nested <div>)', () => {
    const result = render('<div>'.repeat(10_000) + '\n');
    expect(errors(result)).toEqual(['render-depth 1:1']);
    expect(result.messages[0]?.reason).toBe('Nested too deeply to render (the stack ran out): not rendered');
  }, 10_000);

  it('a tree over the depth limit is refused at the element that crosses it (500 nested <span>)', () => {
    const result = render('<p>' + '<span>'.repeat(500) + 'x\n');
    expect(errors(result)).toEqual([`render-nesting 5:${'<p>'.length + 6 * (MAX_TREE_DEPTH - 1) + 1}`]);
    expect(result.messages[0]?.reason).toBe(`Elements nested more than ${MAX_TREE_DEPTH} levels deep: not rendered`);
  }, 10_000);
});

describe('posts within the limits render', () => {
  it.each([
    ['exactly the nesting limit', '> '.repeat(MAX_NESTING) + 'deep\n', '<p>deep</p>'],
    ['a thematic break of 300 stars', '* '.repeat(300) + '\n\ntext\n', '<hr>'],
    ['a line of 300 underscores', '_'.repeat(300) + '\n', '<hr>'],
    ['200 brackets, a paragraph each', '[x\n\n'.repeat(200), '<p>[x</p>'],
    ['deeply quoted lines inside a fenced code block', '```\n' + '>'.repeat(500) + '\n```\n', '<pre'],
    ['brackets inside a code span', '`' + '['.repeat(500) + '`\n', '<code>'],
    ['a minified script', '<script>\n' + 'a*b_c;'.repeat(5000) + '\n</script>\n', '<script>'],
    ['snake_case words', 'a_b_c '.repeat(1000) + '\n', 'a_b_c'],
  ])('%s', (_, body, shown) => {
    const result = render(body);
    expect(errors(result)).toEqual([]);
    expect(result.html).toContain(shown);
  });
});
