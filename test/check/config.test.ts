/** Severity per rule from the site config's `rules`, its validation, `--strict`, and re-running the stage. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { RULES, indexSite, runChecks } from '../../src/check/index.ts';
import { ConfigError, loadConfig, validateConfig } from '../../src/config.ts';
import { toJsonMessages } from '../../src/report.ts';
import { planSite } from '../../src/render/index.ts';
import type { SiteConfig } from '../../src/types.ts';
import { PROJECT, runCli } from '../helpers/cli.ts';
import { copySite } from '../helpers/site-copy.ts';
import { linesOf } from './helpers.ts';

const RULES_SITE = path.join(PROJECT, 'test/sites/check-rules');

/** Check the rules fixture in-process with `rules` in place of its own. */
async function check(rules: SiteConfig['rules']) {
  const config = { ...(await loadConfig(RULES_SITE, {}, process.cwd())), rules };
  const options = { root: RULES_SITE, out: '', drafts: false, future: false, strict: false, dryRun: true, now: new Date('2025-01-01'), cwd: process.cwd() };
  return { config, result: await build(options, config), options };
}

describe('rules in the site config', () => {
  it('accepts a severity, "on" or "off" per known rule', () => {
    const config = validateConfig({ rules: { 'image-alt': 'error', 'no-excerpt': 'on', 'similar-tags': 'off' } }, 'test');
    expect(config.rules).toEqual({ 'image-alt': 'error', 'no-excerpt': 'on', 'similar-tags': 'off' });
  });

  it.each([
    [{ rules: ['image-alt'] }, 'test: "rules" must be an object of rule ids to "error", "warning", "info", "on" or "off"'],
    [{ rules: { 'image-alts': 'error' } }, 'test: unknown rule "image-alts" in "rules" (known: broken-link, broken-anchor, foreign-anchor, missing-asset, image-alt, mojibake, invisible-chars, control-chars, unknown-author, similar-tags, empty-url, unknown-shortcode, unknown-variable, heading-id, unknown-component, mdx-expression, mdx-syntax, no-excerpt, unknown-callout)'],
    [{ rules: { 'image-alt': 'loud' } }, 'test: rule "image-alt" must be one of "error", "warning", "info", "off", "on", got "loud"'],
  ])('rejects %j', (input, message) => {
    expect(() => validateConfig(input, 'test')).toThrow(new ConfigError(message));
  });

  it('accepts externalPaths: root-relative folders of the same host', () => {
    expect(validateConfig({ externalPaths: ['/docs/', '/api'] }, 'test').externalPaths).toEqual(['/docs/', '/api']);
  });

  it.each([
    [{ externalPaths: '/docs/' }, 'test: "externalPaths" must be a list of paths starting with / (["/docs/"]), got "/docs/"'],
    [
      { externalPaths: ['docs/', '//cdn.example.org/', '/a/../b/', 3] },
      'test: "externalPaths" entries must be paths starting with / ("/docs/"), got "docs/"; "externalPaths" entries must be paths starting with / ("/docs/"), got "//cdn.example.org/"; ' +
        '"externalPaths" entries must be paths starting with / ("/docs/"), got "/a/../b/"; "externalPaths" entries must be paths starting with / ("/docs/"), got 3',
    ],
    [{ externalPaths: ['/'], rules: { 'image-alts': 'off' } }, 'test: unknown rule "image-alts" in "rules" (known: ' + Object.keys(RULES).join(', ') + '); "externalPaths" may not hold "/": it would cover every link of the blog'],
  ])('rejects externalPaths %j, with every other problem', (input, message) => {
    expect(() => validateConfig(input, 'test')).toThrow(new ConfigError(message));
  });

  it('stops a run with exit code 2 on a bad rule setting', async () => {
    const root = await copySite('check-clean');
    await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ url: 'https://example.org/', rules: { 'image-alt': 'loud' } }));
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('rule "image-alt" must be one of');
  });

  it('stops a run with exit code 2 on bad externalPaths', async () => {
    const root = await copySite('check-clean');
    await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ url: 'https://example.org/', externalPaths: ['docs'] }));
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"externalPaths" entries must be paths starting with /');
  });

  it('sets the severity of the check stage’s rules and of those earlier stages file', async () => {
    const { result } = await check({ 'image-alt': 'error', 'broken-link': 'warning', 'broken-anchor': 'info', 'unknown-author': 'error' });
    const messages = toJsonMessages(result.files);
    const severities = (rule: string) => [...new Set(messages.filter((m) => m.rule === rule).map((m) => m.severity))];
    expect(severities('image-alt')).toEqual(['error']);
    // Including the link plugin's message about ./gone.md, filed before the check stage ran.
    expect(linesOf(messages, 'broken-link')).toContain('links.md:15:22 warning Link to a post that does not exist or is not published: ./gone.md');
    expect(severities('broken-link')).toEqual(['warning']);
    expect(severities('broken-anchor')).toEqual(['info']);
    expect(severities('unknown-author')).toEqual(['error']);
    expect(severities('mojibake')).toEqual(['warning']);
  });

  it('turns rules off, wherever they are filed, and leaves no-excerpt off by default', async () => {
    const { result } = await check({ 'missing-asset': 'off', 'similar-tags': 'off', 'broken-link': 'off', 'broken-anchor': 'off' });
    const rules = new Set(toJsonMessages(result.files).map((message) => message.rule));
    for (const rule of ['missing-asset', 'similar-tags', 'broken-link', 'broken-anchor', 'no-excerpt']) expect(rules).not.toContain(rule);
    expect(rules).toContain('image-alt');
    expect(result.exitCode).toBe(0);
  });

  it('files the same messages again, not twice, when run again on the same files (dev rebuilds)', async () => {
    const { result, options } = await check({ 'no-excerpt': 'on' });
    const first = toJsonMessages(result.files);
    const staticDirs = [path.join(options.root, 'static')];
    runChecks(result.site!, { files: result.files, index: indexSite(result.site!, staticDirs, planSite(result.site!).map((plan) => plan.file)) });
    expect(toJsonMessages(result.files)).toEqual(first);
  });
});

describe('--strict', () => {
  it('fails a check whose findings are all warnings', async () => {
    const [lenient, strict] = await Promise.all([runCli(['check']), runCli(['check', '--strict'])]);
    expect(lenient.code).toBe(0);
    expect(strict.code).toBe(1);
  });
});
