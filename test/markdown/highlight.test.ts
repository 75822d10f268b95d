/**
 * Highlighting must depend on the block alone: not on which languages this thread loaded before
 * (workers and the main thread see posts in different orders).
 */
import { describe, expect, it, vi } from 'vitest';

/** A fresh copy of the highlighter module: a thread that has highlighted nothing yet. */
async function freshShiki() {
  vi.resetModules();
  return import('../../src/markdown/shiki.ts');
}

const BLOCKS: Array<[string, string]> = [
  // Markdown embeds other grammars, and nix brings one (markdown-nix) that injects itself into markdown.
  ['md', '# Title\n\n```ts\nconst a = 1;\n```\n\n```nix\n{ a = 1; }\n```\n\n<div class="x">html</div>'],
  ['nix', '{ pkgs ? import <nixpkgs> {} }: pkgs.hello'],
  ['html', '<script>let a = `x`;</script><style>a { color: red }</style>'],
  ['ts', 'const a: Array<string> = [];'],
  ['php', '<?php echo "<b>$a</b>"; ?>'],
  ['bash', 'echo "$(date)" | grep -v x'],
];

describe('the highlighter', () => {
  it('gives each block the same tokens whatever was highlighted before it', async () => {
    const render = (shiki: Awaited<ReturnType<typeof freshShiki>>, order: typeof BLOCKS) =>
      Object.fromEntries(order.map(([lang, code]) => [lang, JSON.stringify(shiki.highlight(code, lang))]));
    const forwards = render(await freshShiki(), BLOCKS);
    const backwards = render(await freshShiki(), [...BLOCKS].reverse());
    const alone = Object.fromEntries(await Promise.all(BLOCKS.map(async (block) => [block[0], render(await freshShiki(), [block])[block[0]]])));
    expect(backwards).toEqual(forwards);
    expect(alone).toEqual(forwards);
  });

  it('colours short lines and leaves a very long line as it is, so minified code cannot stall a build', async () => {
    const { highlight } = await freshShiki();
    const long = `const x = [${'1, '.repeat(1500)}];`;
    const tree = JSON.stringify(highlight(`const a = 1;\n${long}`, 'ts'));
    expect(tree).toContain('--shiki-light');
    // The long line is one plain token: its text whole, in a single span.
    expect(tree).toContain(JSON.stringify(long).slice(1, -1));
  });

  it.each([
    ['ts', 'typescript', 'TypeScript'],
    ['TS', 'typescript', 'TypeScript'],
    ['bash', 'shellscript', 'Bash'],
    ['sh', 'shellscript', 'Shell'],
    ['yml', 'yaml', 'YAML'],
    ['dockerfile', 'docker', 'Dockerfile'],
    ['c++', 'cpp', 'C++'],
  ])('knows %s as %s, labelled %s', async (fence, name, label) => {
    const { languageOf } = await import('../../src/markdown/shiki.ts');
    expect(languageOf(fence)).toEqual({ name, label });
  });

  it('leaves languages it does not know unhighlighted', async () => {
    const { highlight, languageOf } = await import('../../src/markdown/shiki.ts');
    expect(languageOf('klingon')).toBeUndefined();
    expect(JSON.stringify(highlight('a < b', 'klingon'))).toBe(JSON.stringify(highlight('a < b', undefined)));
  });
});
