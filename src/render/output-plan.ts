/**
 * Every file the output will hold, planned before anything is written: rendered plans, files
 * copied beside posts, resized images, KaTeX's fonts, static files and the search index's folder.
 * Two claims on one file, or a file where another needs a folder, would stop the staging folder at
 * its second write (EEXIST, ENOTDIR, "Two outputs for one file") after the whole site rendered;
 * here each is a positioned error on the post it comes from (its `permalink`/`slug`, the image),
 * else on the static file, so `check` finds it and `build` stops before the output is touched.
 * Collisions site/select.ts and site/redirects.ts judge from URLs alone (two posts on one URL,
 * a post on a reserved name, an old URL on a static file) are theirs and not repeated here.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { addMessage, fileFor, shown } from '../messages.ts';
import { staticCopies } from '../shared/static-files.ts';
import { findConflicts, type Claim, type Conflict } from '../site/output-claims.ts';
import { redirectsOf } from '../site/redirects.ts';
import { isReservedFile, outputFileOf, routePath } from '../site/routes.ts';
import { urlKeyPlace } from '../site/select.ts';
import type { Alias, Point, Post, RenderedPost, Site } from '../types.ts';
import { katexFonts } from './katex.ts';
import type { Plan } from './plan.ts';

/** Who writes a claimed file, for the message and for whom it goes on. */
export type Owner =
  | { kind: 'page'; post: Post }
  | { kind: 'redirect'; post: Post; alias: Alias }
  | { kind: 'asset'; post: Post; source: string }
  | { kind: 'image'; post: Post; source: string; place?: Point }
  | { kind: 'static'; source: string }
  | { kind: 'generated'; template?: string }
  | { kind: 'search' };

/** What the planner looks at: the same inputs output/emit.ts writes from. */
export interface OutputPlanInput {
  plans: readonly Plan[];
  site: Site;
  /** Posts as rendered: the files they copy and the image copies they name. */
  rendered: readonly RenderedPost[];
  /** Copied in order, later folders winning (shared/site-dirs.ts staticDirsOf). */
  staticDirs: readonly string[];
  cwd: string;
  /** Where a conflict with no post and no static file of its own is reported (the config file). */
  summary: VFile;
}

/** File systems refuse a name longer than this many bytes (NAME_MAX): such a write fails with ENAMETOOLONG. */
export const NAME_MAX_BYTES = 255;

/** The rule of every message here. */
const RULE = 'output-conflict';

/** `./rss.xml` (an asset beside a post at `/a.html`) is `rss.xml`: compared as the file system resolves them. */
function normal(file: string): string {
  return path.posix.normalize(file).replace(/^(\.\/)+/, '');
}

/** Every claim on the output, in the order emit.ts writes: plans, then copies (assets, images, fonts), then static files. */
export function outputClaims(input: Omit<OutputPlanInput, 'summary' | 'cwd'>): Claim<Owner>[] {
  const { plans, site, rendered, staticDirs } = input;
  const claims: Claim<Owner>[] = [];
  const redirects = new Map(redirectsOf([...site.posts, ...(site.pages ?? [])]).map(({ from, post }) => [outputFileOf(routePath('redirect', { path: from })), { post, from }]));
  const ownRedirects = routePath('redirects');
  const robots = routePath('robots');
  // Files a site's own static copy shares with the generated one (output/emit.ts): `_redirects` is merged, `robots.txt` replaced.
  const shared = (file: string) => (file === ownRedirects || file === robots ? file : undefined);
  for (const plan of plans) {
    const post = plan.posts[0];
    const redirect = plan.template === 'redirect' ? redirects.get(plan.file) : undefined;
    const alias = redirect?.post.aliases?.find((candidate) => candidate.path === redirect.from);
    const owner: Owner =
      (plan.template === 'post' || plan.template === 'page') && post
        ? { kind: 'page', post }
        : redirect && alias
          ? { kind: 'redirect', post: redirect.post, alias }
          : { kind: 'generated', template: plan.template };
    claims.push({ file: normal(plan.file), owner, same: shared(plan.file) });
  }
  for (const post of rendered) {
    for (const [source, target] of post.assets) claims.push({ file: normal(target), owner: { kind: 'asset', post, source }, same: source });
    for (const job of post.images ?? []) {
      for (const variant of job.variants) claims.push({ file: normal(variant.output), owner: { kind: 'image', post, source: job.source, place: job.place }, same: `${job.source}\0${variant.key}` });
    }
  }
  for (const [target, source] of katexFonts(rendered)) claims.push({ file: target, owner: { kind: 'generated' }, same: source });
  // The search index's file names are Pagefind's to choose: its whole folder is its own.
  if (site.config.search !== false) claims.push({ file: routePath('searchIndex').replace(/\/$/, ''), folder: true, owner: { kind: 'search' } });
  const copies = staticCopies(staticDirs);
  for (const [file, source] of copies) claims.push({ file, owner: { kind: 'static', source }, same: shared(file) });
  return claims;
}

/**
 * Plan every output file and report each conflict among them, and each name too long to write.
 * Returns the static files that were given a message (posts carry theirs already).
 */
export function planOutputs(input: OutputPlanInput): VFile[] {
  const claims = outputClaims(input);
  const staticFiles = new Map<string, VFile>();
  const report = (owners: readonly Owner[], reason: string) => {
    const posts = owners.filter((owner) => 'post' in owner);
    const statics = owners.filter((owner) => owner.kind === 'static');
    if (posts.length > 0) for (const owner of posts) addMessage(owner.post.raw.file, reason, { place: placeOf(owner), ruleId: RULE, severity: 'error' });
    else if (statics.length > 0) for (const owner of statics) addMessage(staticFile(staticFiles, owner.source, input.cwd), reason, { place: { line: 1, column: 1 }, ruleId: RULE, severity: 'error' });
    else addMessage(input.summary, reason, { place: { line: 1, column: 1 }, ruleId: RULE, severity: 'error' });
  };
  for (const conflict of findConflicts(claims)) {
    if (judgedElsewhere(conflict)) continue;
    const describe = (claim: Claim<Owner>) => describeOwner(claim, input.cwd);
    if (conflict.kind === 'same-file') {
      report([conflict.first.owner, conflict.second.owner], `Two outputs for /${shown(conflict.file)}: ${describe(conflict.first)} and ${describe(conflict.second)}`);
    } else {
      const { outer, inner } = conflict;
      const reason = outer.folder
        ? `/${shown(inner.file)} (${describe(inner)}) is inside /${outer.file}/, a folder only ${describe(outer)} writes`
        : `/${shown(outer.file)} is both a file (${describe(outer)}) and a folder, for /${shown(inner.file)} (${describe(inner)})`;
      report([inner.owner, outer.owner], reason);
    }
  }
  // Once per name and owner: an image's resized copies are four to eight names, all as long.
  const tooLong = new Map<string, { claim: Claim<Owner>; segment: string }>();
  for (const claim of claims) {
    if (claim.owner.kind === 'static') continue;
    const segment = claim.file.split('/').find((part) => Buffer.byteLength(part) > NAME_MAX_BYTES);
    const key = claim.owner.kind === 'image' ? `${claim.owner.post.raw.file.path}\0${claim.owner.source}` : claim.file;
    if (segment !== undefined && !tooLong.has(key)) tooLong.set(key, { claim, segment });
  }
  for (const { claim, segment } of tooLong.values()) {
    report([claim.owner], `Output name "${shown(segment)}" of ${describeOwner(claim, input.cwd)} is ${Buffer.byteLength(segment)} bytes, over the ${NAME_MAX_BYTES} a file system allows`);
  }
  return [...staticFiles.values()];
}

/**
 * A conflict site/select.ts or site/redirects.ts reports already, from URLs before markdown runs:
 * two pages on one file (duplicate-url), a page on a name the site reserves (reserved-url), an old
 * URL on a static file or inside one (redirect-conflict).
 */
function judgedElsewhere(conflict: Conflict<Owner>): boolean {
  const [a, b] = conflict.kind === 'same-file' ? [conflict.first, conflict.second] : [conflict.inner, conflict.outer];
  const reserved = (claim: Claim<Owner>) => (claim.owner.kind === 'page' || claim.owner.kind === 'redirect') && isReservedFile(claim.file);
  if (reserved(a) || reserved(b)) return true;
  if (conflict.kind === 'same-file' && a.owner.kind === 'page' && b.owner.kind === 'page') return true;
  // A redirect on a static file, or needing a folder where one is (checkRedirectsAgainstStatic); not the other way round.
  const kinds = [a.owner.kind, b.owner.kind];
  if (conflict.kind === 'same-file') return kinds.includes('redirect') && kinds.includes('static');
  return conflict.inner.owner.kind === 'redirect' && conflict.outer.owner.kind === 'static';
}

/** Where a message about an owner's file goes: the image in the body, the old URL, else the key that set the post's URL. */
function placeOf(owner: Extract<Owner, { post: Post }>): Point {
  if (owner.kind === 'image' && owner.place) return owner.place;
  if (owner.kind === 'redirect') return owner.post.raw.frontMatter.locate(owner.alias.key) ?? { line: 1, column: 1 };
  return urlKeyPlace(owner.post);
}

/** One owner in a message: which post, file or part of the site writes the file. */
function describeOwner({ owner, file }: Claim<Owner>, cwd: string): string {
  const rel = (file: string) => shown(path.relative(cwd, file) || file);
  switch (owner.kind) {
    case 'page':
      return `the ${owner.post.raw.kind === 'page' ? 'page' : 'post'} ${owner.post.raw.file.path}`;
    case 'redirect':
      return `the redirect from /${shown(owner.alias.path)} of ${owner.post.raw.file.path}`;
    case 'asset':
      return `${rel(owner.source)}, copied with its post`;
    case 'image':
      return `a resized copy of ${rel(owner.source)}`;
    case 'static':
      return `the static file ${rel(owner.source)}`;
    case 'search':
      return 'the search index';
    case 'generated':
      return owner.template === undefined ? `the generated ${shown(path.posix.basename(file))}` : `the site's ${owner.template} page`;
  }
}

/** The VFile a static file's messages go on, made once per file. */
function staticFile(files: Map<string, VFile>, source: string, cwd: string): VFile {
  let file = files.get(source);
  if (file === undefined) {
    file = fileFor(source, '', cwd);
    files.set(source, file);
  }
  return file;
}
