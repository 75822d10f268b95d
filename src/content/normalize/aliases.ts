/**
 * Old URLs of a post, which redirect to it: Hugo's and Zola's `aliases`, jekyll-redirect-from's
 * `redirect_from`. Each is checked like `permalink`, so no redirect page can leave the output folder.
 */
import type { Alias, KeyPath, RawPost } from '../../types.ts';
import { FRONT_MATTER_KEYS } from '../keys.ts';
import type { NormalizeContext } from './context.ts';
import { isRecord, quote, valueAt } from './fields.ts';
import { sitePath } from './site-path.ts';

/** Zola's front matter is TOML with its own tables (`[taxonomies]`, `[extra]`) or a `path`; Hugo's has none of them. */
function looksLikeZola(raw: RawPost, data: Record<string, unknown>): boolean {
  return raw.frontMatter.format === 'toml' && (isRecord(data.taxonomies) || isRecord(data.extra) || typeof data.path === 'string');
}

/** `written` resolved against the folder holding `postPath` (`posts/x/` → `posts/`), as Hugo resolves relative aliases. */
function besidePost(written: string, postPath: string): string | undefined {
  const folder = postPath.split('/').filter((segment) => segment !== '');
  folder.pop();
  for (const segment of written.split('/')) {
    if (segment === '..') {
      // Above the site root: left to the caller, which refuses it.
      if (folder.pop() === undefined) return undefined;
    } else if (segment !== '.' && segment !== '') folder.push(segment);
  }
  // A trailing slash or `.html` says folder or file, as in any written path.
  return folder.join('/') + (written.endsWith('/') ? '/' : '');
}

/** Each written entry of `aliases` and `redirect_from`, with its key path; a bad shape is reported. */
function entries(data: Record<string, unknown>, ctx: NormalizeContext): Array<{ value: unknown; key: KeyPath }> {
  const found: Array<{ value: unknown; key: KeyPath }> = [];
  for (const key of FRONT_MATTER_KEYS.aliases) {
    const value = valueAt(data, key);
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) value.forEach((item, i) => found.push({ value: item, key: [...key, i] }));
    else if (typeof value === 'string') found.push({ value, key });
    else ctx.report(`Invalid ${key.join('.')} ${quote(value)}: expected a path or a list of paths`, { path: key, severity: 'error', ruleId: 'invalid-alias' });
  }
  return found;
}

/** The post's old URLs as site-relative paths, each once; `postPath` is where relative Hugo aliases start from. */
export function normalizeAliases(raw: RawPost, data: Record<string, unknown>, postPath: string, ctx: NormalizeContext): Alias[] {
  const aliases = new Map<string, Alias>();
  for (const { value, key } of entries(data, ctx)) {
    const name = String(key[0]);
    const label = name === 'aliases' ? 'alias' : `${name} entry`;
    if (typeof value !== 'string') {
      ctx.report(`Invalid ${label} ${quote(value)}: expected a path such as /2019/old-post/`, { path: key, severity: 'error', ruleId: 'invalid-alias' });
      continue;
    }
    let written = value.normalize('NFC').trim();
    if (written === '') continue;
    if (/^https?:\/\//i.test(written)) {
      if (!written.startsWith(ctx.config.url)) {
        ctx.report(`Ignored ${label} ${quote(value)}: an address outside this site, not a path`, { path: key, severity: 'warning', ruleId: 'url-not-path' });
        continue;
      }
      written = `/${written.slice(ctx.config.url.length)}`;
    }
    // Hugo reads `aliases: [old]` beside the post; Zola and jekyll-redirect-from from the site root.
    let resolved: string | undefined = written;
    if (name === 'aliases' && !written.startsWith('/')) {
      const zola = looksLikeZola(raw, data);
      resolved = zola ? written : besidePost(written, postPath);
      const result = resolved === undefined ? undefined : sitePath(resolved);
      if (result && 'path' in result) {
        const how = zola ? "relative to the site root, as Zola's aliases are" : "relative to the post's folder, as Hugo's aliases are";
        ctx.report(`Read alias ${quote(value)} as /${result.path} (${how})`, { path: key, severity: 'info', ruleId: 'alias-relative' });
      }
    }
    const result = resolved === undefined ? { problem: 'it would leave the output folder' } : sitePath(resolved);
    if ('problem' in result) {
      ctx.report(`Unsafe ${label} ${quote(value)}: ${result.problem}`, { path: key, severity: 'error', ruleId: 'unsafe-path' });
      continue;
    }
    // Case-folded as the redirect check folds them: `/Old/` and `/old/` are one folder on many hosts.
    const folded = result.path.toLowerCase();
    if (!aliases.has(folded)) aliases.set(folded, { path: result.path, key });
  }
  return [...aliases.values()];
}
