/** Which posts are read as MDX, and which JavaScript values a post can have without running it. */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { usesMdx } from '../../src/markdown/mdx/detect.ts';
import { parsePost } from '../../src/markdown/parse.ts';
import { evaluate } from '../../src/markdown/mdx/evaluate.ts';

describe('usesMdx', () => {
  it.each([
    ['import Tabs from \'@theme/Tabs\';\n\ntext', true],
    ['text\n\n<Tabs>\n<TabItem value="a">x</TabItem>\n</Tabs>', true],
    ['a {/* comment */} b', true],
    ['export const x = 1;\n', true],
    ['plain text, no signs', false],
    ['```jsx\nimport A from "a";\n<A />\n```', false],
    ['~~~\n{/* in code */}\n~~~', false],
    ['see `<Button />` and `{/* x */}`', false],
    ['text\n\n    <Indented />', false],
    ['Option<T> and <BR> and <A HREF="x">old HTML</A>', false],
    ['```mdx-code-block\nimport A from "a";\n```', true],
    ['you can\nimport the data from a file', false],
    ['import this: a sentence, not a module', false],
  ])('%j → %s', (text, expected) => {
    expect(usesMdx(text)).toBe(expected);
  });
});

describe('evaluate', () => {
  const imports = new Map([['cover', './cover.png']]);
  it.each([
    ["' '", ' '],
    ['2024', 2024],
    ['-1', -1],
    ['`text`', 'text'],
    ["{ textAlign: 'center', marginTop: 8 }", { textAlign: 'center', marginTop: 8 }],
    ["[{ label: 'npm', value: 'npm' }]", [{ label: 'npm', value: 'npm' }]],
    ['cover', './cover.png'],
    ["require('./x.png').default", './x.png'],
    ["useBaseUrl('/img/x.png')", '/img/x.png'],
    ['true', true],
  ])('%s → %j', (source, value) => {
    expect(evaluate(source, imports)).toEqual({ value });
  });

  it.each(['props.count', 'x', '`a ${b}`', 'f(1)', '<b>x</b>', '[...xs]', '#id', '1, 2', 'a b'])('%s has no static value', (source) => {
    expect(evaluate(source, imports)).toBeUndefined();
  });
});

describe('an .mdx post that is not MDX', () => {
  it('is reported where MDX stopped, also when the error names its place only in its text', () => {
    const file = new VFile({ path: '/site/content/posts/x.mdx', value: '---\ntitle: T\n---\n\nText\n\n<Foo>\nunclosed\n' });
    parsePost(file);
    expect(file.messages.map((m) => [m.line, m.column, m.ruleId])).toEqual([[7, 1, 'mdx-syntax']]);
  });
});
