/**
 * A site kept in memory between rebuilds (`npm run dev` serves one). A change to one post re-reads,
 * re-normalises and re-renders that post only, rebuilds the (cheap) site model, and renders again
 * only the pages whose key changed: the same page keys a build keeps files by (session/page-keys.ts).
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Liquid } from 'liquidjs';
import type { VFile } from 'vfile';
import { fileFor } from '../messages.ts';
import { assetsOf, defaultAuthorOf, markdownContextFor, normalizeOne } from './steps.ts';
import { configFileOf, isStaticFile, staticDirsOf, templateDirsOf } from '../shared/site-dirs.ts';
import { staticLinkWarnings } from '../shared/static-files.ts';
import { checkRedirectsAgainstStatic } from '../site/redirects.ts';
import { indexSite, resolveForeignAnchors, runChecks, shownAs, type SiteIndex } from '../check/index.ts';
import { firstCommitDates, listPosts, PAGES_FOLDER, readPostSync, readRegistries, symlinksIn, type Registries } from '../content/read.ts';
import { cacheDirOf, openBucket } from '../cache/store.ts';
import { jobOf, type MarkdownContext, type MarkdownResult } from '../markdown/job.ts';
import { renderPost, renderPosts } from '../markdown/stage.ts';
import { rendersOnWorkers, sharedPool } from '../markdown/pool.ts';
import { drawDiagrams, type CachedDrawing, type DiagramOptions } from '../media/mermaid.ts';
import { createEngine, planSite, type Plan } from '../render/index.ts';
import { templateFailure } from '../render/template-error.ts';
import { themeAssets, withTheme } from '../render/theme-assets.ts';
import { withoutReplacedRobots } from '../render/host-files.ts';
import { pageKeys } from './page-keys.ts';
import { createSite } from '../site/model.ts';
import { placePosts } from '../site/places.ts';
import { checkUrls } from '../site/select.ts';
import { LookupHistory } from './rerender.ts';
import { plainPlan, sameIds, shapeOf } from './shapes.ts';
import type { RenderedPost, SiteConfig } from '../types.ts';
import { renderEntry, type Entry, type RenderOne } from './entry.ts';
import { makeImages } from '../media/image-stage.ts';

/** What one batch of file events asks the session to redo. */
export interface Changes {
  /** Post and page files (absolute) added, changed or removed. */
  posts: ReadonlySet<string>;
  /** `authors.yml` or `tags.yml` changed: every post is normalised again. */
  registries: boolean;
  /** A template file changed: templates are read again (the page keys say which pages that changes). */
  templates?: boolean;
}

/** The outcome of a rebuild, for the server and the terminal. */
export interface RebuildResult {
  /** Output paths whose contents changed, and those that no longer exist. */
  changed: string[];
  removed: string[];
  /** Output paths rendered again, changed or not: the change's dependents. */
  rendered: string[];
  ms: number;
}

/** Posts rendered and thrown away at start, to warm this thread's markdown chain. */
const WARM_UP_POSTS = 40;

/** Rule ids that `placePosts` and `checkUrls` file across posts; cleared before each site-wide check. */
const SITE_RULES = new Set(['duplicate-url', 'reserved-url', 'url-from-folder', 'redirect-conflict']);

/** A site in memory, rendered into `output`, brought up to date by `update`. */
export class SiteSession {
  /** Output path → contents: the server answers from here. */
  readonly output = new Map<string, string>();
  /** Output path → absolute source of a local asset (or of an image's resized copy in the cache folder). */
  assets = new Map<string, string>();
  /** Output path → resized image copy in the cache folder. */
  private images = new Map<string, string>();
  private readonly entries = new Map<string, Entry>();
  private registries: Registries = { authors: new Map(), tags: new Map() };
  private registryFiles: VFile[] = [];
  /** Links in static/ that leave the site, which the server refuses as a build leaves them out. */
  private staticLinkFiles: VFile[] = [];
  private templateFile?: VFile;
  /** Lines the checks file about the whole site (links outside the blog, per prefix). */
  private readonly summary: VFile;
  /** Output file → the key it was last rendered for (see session/page-keys.ts). */
  private keys = new Map<string, string>();
  /** The plans of the output, by file: a page an edit does not touch keeps the plan it was rendered from. */
  private plans = new Map<string, Plan>();
  /** The stylesheets pages link after the theme's, as of the last refresh (`custom.css` is linked only when it exists). */
  private linked: readonly string[] = [];
  /** The link index of the last full refresh: output files and heading ids, which an edit that keeps its shape and ids leaves as they are. */
  private checkIndex?: SiteIndex;
  /** Output files whose last render failed (a template error): rendered again on every rebuild until they pass. */
  private readonly failed = new Set<string>();
  private engine: Liquid;
  private gitDates: ReadonlyMap<string, Date> = new Map();
  /** The shortcode templates the posts were last rendered with. */
  private readonly lookups = new LookupHistory();
  private readonly postsDir: string;
  /** Standalone pages (content/pages/): entries like posts, read as pages. */
  private readonly pagesDir: string;

  constructor(
    readonly root: string,
    readonly config: SiteConfig,
    private readonly now: () => Date,
    /** The folder messages name files relative to. */
    private readonly cwd: string,
    /** How Mermaid diagrams are drawn (media/mermaid.ts). */
    private readonly diagrams: DiagramOptions = {},
    /** Worker threads for the first render of every post (at least one: markdown/pool.ts); automatic unless given. */
    private readonly threads?: number,
  ) {
    this.postsDir = path.join(root, 'content', 'posts');
    this.pagesDir = path.join(root, 'content', PAGES_FOLDER);
    this.summary = fileFor(configFileOf(root), '', cwd);
    this.engine = createEngine(templateDirsOf(root));
  }

  /** Every file with its messages: posts, registries, a failed template. */
  get files(): VFile[] {
    const posts = [...this.entries.values()].map((entry) => entry.file);
    return [...posts, ...this.registryFiles, ...this.staticLinkFiles, this.summary, ...(this.templateFile ? [this.templateFile] : [])];
  }

  /** One post's markdown, on the process's markdown worker within the post's budget: never on the thread that answers requests. */
  private readonly renderOne: RenderOne = (post, context) => renderPost(post, context, { renderTimeout: this.config.renderTimeout, pool: sharedPool() });

  /** Read and render everything. */
  async start(): Promise<RebuildResult> {
    const started = performance.now();
    this.gitDates = await firstCommitDates(this.postsDir);
    await this.readRegistries();
    this.staticLinkFiles = staticLinkWarnings(this.root, this.cwd);
    // Links to posts elsewhere in the site count as posts, as in a build (read.ts).
    const relPaths = [...(await listPosts(this.postsDir)), ...(await symlinksIn(this.root, this.postsDir)).inside];
    for (const relPath of relPaths) this.reread(path.join(this.postsDir, relPath));
    const pagePaths = [...(await listPosts(this.pagesDir)), ...(await symlinksIn(this.root, this.pagesDir)).inside];
    for (const relPath of pagePaths) this.reread(path.join(this.pagesDir, relPath));
    await this.renderAll();
    return this.refresh(new Set(this.entries.keys()), started);
  }

  /**
   * The first render of every post goes through the build's markdown stage: the persistent cache
   * and worker threads. Each entry then holds its result as if it had rendered it itself, with
   * its markdown messages kept aside for refresh() to file, as for any cached rendering.
   */
  private async renderAll(): Promise<void> {
    const entries = [...this.entries.values()].filter((entry) => entry.post !== undefined);
    const posts = entries.map((entry) => entry.post!);
    const before = entries.map((entry) => entry.file.messages.length);
    const cache = openBucket<MarkdownResult>(cacheDirOf(this.root), 'markdown', true);
    const context = markdownContextFor(this.root, this.config, posts, this.cwd);
    const { rendered: markdown } = await renderPosts(posts, context, { cache, threads: this.threads, renderTimeout: this.config.renderTimeout, pool: sharedPool() });
    // Before the messages are set aside below: a diagram's message is one of its post's markdown messages.
    const rendered = await drawDiagrams(markdown, this.diagramCache(), this.diagrams);
    // The links just resolved against these URLs: the first refresh has nothing to resolve again.
    this.lookups.reset(context);
    // Rendering on this thread (from source: markdown/pool.ts), its first edits would run the chain
    // cold (66 ms a post instead of ~17, measured): a few throwaway renders get the JIT going before
    // the author's first save. On workers, the one kept for edits is started (when every post came
    // from the cache, none was), so that the first edit does not wait for it to load.
    // render.ts (the chain) is imported only here: a main thread that leaves markdown to workers never loads it.
    if (rendersOnWorkers()) void sharedPool().warm();
    else {
      const { renderJob } = await import('../markdown/render.ts');
      for (const post of posts.slice(0, WARM_UP_POSTS)) renderJob(jobOf(post), context);
    }
    const byFile = new Map(rendered.map((post) => [post.raw.file, post]));
    entries.forEach((entry, index) => {
      entry.rendered = byFile.get(entry.file);
      entry.renderedText = entry.rendered && String(entry.file.value);
      entry.markdownMessages = entry.file.messages.slice(before[index]);
      entry.file.messages.length = before[index]!;
    });
  }

  /**
   * Make the resized copies of images the posts name and not yet in the site's `.cache/images/`, as a
   * build does (media/image-stage.ts): an image edited in place has new copies, under new names.
   */
  private async makeImages(rendered: readonly RenderedPost[]): Promise<void> {
    this.images = (await makeImages(rendered, { dir: path.join(cacheDirOf(this.root), 'images') })).files;
  }

  /** Apply one batch of changes. */
  async update(changes: Changes): Promise<RebuildResult> {
    const started = performance.now();
    const touched = new Set(changes.posts);
    if (changes.registries) {
      await this.readRegistries();
      // Authors and tags resolve during normalisation; markdown stays cached, so this is cheap.
      for (const id of this.entries.keys()) touched.add(id);
    }
    // LiquidJS keeps parsed templates: a new engine reads them again.
    if (changes.templates) this.engine = createEngine(templateDirsOf(this.root));
    const before = new Map([...touched].map((absolute) => [absolute, this.entries.get(absolute)?.rendered]));
    for (const absolute of touched) this.reread(absolute);
    if (!changes.registries && !changes.templates) {
      const quick = await this.refreshKeptShape(touched, before, started);
      if (quick) return quick;
    }
    return this.refresh(touched, started, changes.registries ? undefined : before);
  }

  /**
   * Read the posts' first commit dates again (a branch switch brings posts with other histories,
   * and a post without a date takes its first commit's): the posts whose date moved, to read again.
   */
  async gitDatesMoved(): Promise<string[]> {
    const dates = await firstCommitDates(this.postsDir);
    const moved = [...this.entries.keys()].filter((absolute) => dates.get(absolute)?.getTime() !== this.gitDates.get(absolute)?.getTime());
    this.gitDates = dates;
    return moved;
  }

  /** Local files next to posts appeared, changed or went: the posts naming them render again. */
  async assetsChanged(files: Iterable<string>): Promise<RebuildResult> {
    const names = [...files].map((file) => path.basename(file));
    const posts = [...this.entries].filter(([, entry]) => names.some((name) => String(entry.file.value).includes(name))).map(([absolute]) => absolute);
    for (const absolute of posts) {
      const entry = this.entries.get(absolute);
      // The text is unchanged, so the markdown cache would answer: forget it.
      if (entry) entry.renderedText = undefined;
    }
    this.staticLinkFiles = staticLinkWarnings(this.root, this.cwd);
    return this.update({ posts: new Set(posts), registries: false });
  }

  /**
   * Stylesheets appeared in or left static/: when that changes which ones pages link (a new
   * `custom.css`), every page renders again; a stylesheet merely edited is the live reload's to swap.
   */
  async stylesheetsChanged(): Promise<RebuildResult | undefined> {
    const linked = themeAssets(staticDirsOf(this.root), this.config, false).stylesheets;
    if (linked.join('\n') === this.linked.join('\n')) return undefined;
    return this.refresh(new Set(), performance.now());
  }

  /** The diagram cache, as the build's: an edited diagram is drawn once, then found there. */
  private diagramCache() {
    return openBucket<CachedDrawing>(cacheDirOf(this.root), 'mermaid', true);
  }

  /**
   * Draw the diagrams of entries rendered afresh (a reused rendering was drawn already). Their
   * messages join the entry's markdown messages, which a reused rendering files again.
   */
  private async draw(entries: Iterable<Entry>): Promise<void> {
    const pending = [...entries].filter((entry) => entry.rendered?.diagrams !== undefined);
    if (pending.length === 0) return;
    const before = pending.map((entry) => entry.file.messages.length);
    const drawn = await drawDiagrams(pending.map((entry) => entry.rendered!), this.diagramCache(), this.diagrams);
    pending.forEach((entry, index) => {
      if (drawn[index] === entry.rendered) return;
      entry.rendered = drawn[index];
      entry.markdownMessages = [...(entry.markdownMessages ?? []), ...entry.file.messages.slice(before[index])];
    });
  }

  private async readRegistries(): Promise<void> {
    const { registries, files } = await readRegistries(path.join(this.root, 'content'), this.cwd);
    this.registries = registries;
    this.registryFiles = files;
  }

  /** Read one post (or page) again; a deleted one leaves, a broken one keeps its last good version. */
  private reread(absolute: string): void {
    const page = absolute.startsWith(this.pagesDir + path.sep);
    const dir = page ? this.pagesDir : this.postsDir;
    const relPath = path.relative(dir, absolute).split(path.sep).join('/');
    const previous = this.entries.get(absolute);
    let result;
    try {
      // chokidar follows symbolic links; a build does not read one that leaves content/, and nor does dev.
      if (!realpathSync(absolute).startsWith(realpathSync(path.join(this.root, 'content')) + path.sep)) throw new Error('outside content/');
      result = page ? readPostSync(dir, relPath, new Map(), this.cwd, 'page') : readPostSync(dir, relPath, this.gitDates, this.cwd);
    } catch {
      this.entries.delete(absolute);
      return;
    }
    const post = result.post ? normalizeOne(result.post, this.registries, this.config, this.now()) : previous?.post;
    this.entries.set(absolute, { ...previous, file: result.file, post });
  }

  /**
   * Re-render stale markdown, rebuild the model, check, and render the pages whose key changed.
   * `before` holds the touched posts as they were, when only posts changed: then the checks of
   * the other posts are kept if what they could find is unchanged (see `checkOnly`).
   */
  private async refresh(touched: ReadonlySet<string>, started: number, before?: ReadonlyMap<string, RenderedPost | undefined>): Promise<RebuildResult> {
    for (const entry of this.entries.values()) {
      entry.file.messages = entry.file.messages.filter((message) => !SITE_RULES.has(message.ruleId ?? ''));
    }
    // Placed across the site: a post another one collides with keeps its folder (site/places.ts).
    const withPosts = [...this.entries].filter(([, entry]) => entry.post !== undefined);
    const posts = placePosts(withPosts.map(([, entry]) => entry.post!));
    const placed = new Map(withPosts.map(([absolute], index) => [absolute, posts[index]!]));
    checkUrls(posts);
    const staticDirs = staticDirsOf(this.root);
    checkRedirectsAgainstStatic(posts, (file) => isStaticFile(staticDirs, file));
    const context = markdownContextFor(this.root, this.config, posts, this.cwd);
    // Posts whose links or shortcodes resolve differently now render again (rerender.ts).
    const lookups = this.lookups.advance(context);
    for (const [absolute, entry] of this.entries) {
      const post = placed.get(absolute);
      if (!post) continue;
      const stale = lookups.stale(String(entry.file.value));
      // A post moved by another one's arrival or departure renders at its new place.
      const moved = entry.rendered !== undefined && entry.rendered.path !== post.path;
      if (touched.has(absolute) || stale || moved) await renderEntry(entry, post, context, stale, this.renderOne);
    }
    await this.draw(this.entries.values());

    const rendered = [...this.entries.values()].flatMap((entry) => (entry.rendered ? [entry.rendered] : []));
    await this.makeImages(rendered);
    // As a build does: links to another generator's heading ids point at ours (check/anchors/resolve.ts).
    const shown = resolveForeignAnchors(rendered, context.basePath);
    const site = withTheme(createSite(shown, this.config, this.registries.tags, this.now(), defaultAuthorOf(this.registries, this.config, this.now())), staticDirsOf(this.root), false);
    this.linked = site.theme!.stylesheets;
    const plans = withoutReplacedRobots(planSite(site), (file) => isStaticFile(staticDirs, file));
    // The same checks as a build, so the overlay shows broken links too.
    // Posts rendered again for a template have new findings too: then every post is checked.
    const only = lookups.urlsMoved || lookups.shortcodes.length > 0 || !before ? undefined : this.checkOnly(before);
    this.checkIndex = indexSite(site, staticDirs, plans.map((plan) => plan.file));
    runChecks(site, { files: only ? [] : this.files, index: this.checkIndex, only, summary: this.summary });
    const keyOf = pageKeys(site, templateDirsOf(this.root));
    const keys = new Map(plans.map((plan) => [plan.file, keyOf(plan)]));
    const stale = plans.filter((plan) => this.keys.get(plan.file) !== keys.get(plan.file) || this.failed.has(plan.file));
    const { changed, rendered: renderedFiles } = await this.render(stale);
    const removed = [...this.keys.keys()].filter((file) => !keys.has(file));
    for (const file of removed) this.output.delete(file);
    this.keys = keys;
    this.plans = new Map(plans.map((plan) => [plan.file, plan]));
    this.assets = new Map([...assetsOf(rendered), ...this.images]);
    return { changed, removed, rendered: renderedFiles, ms: performance.now() - started };
  }

  /**
   * Render plans into the output. A template error is kept for the overlay, and every plan that
   * failed is remembered, so it renders again on the next rebuild whatever that rebuild is about.
   */
  private async render(plans: Iterable<Plan>): Promise<{ changed: string[]; rendered: string[] }> {
    const changed: string[] = [];
    const rendered: string[] = [];
    this.templateFile = undefined;
    const failed = new Set<string>();
    for (const plan of plans) {
      try {
        const contents = await plan.render(this.engine);
        rendered.push(plan.file);
        if (this.output.get(plan.file) !== contents) changed.push(plan.file);
        this.output.set(plan.file, contents);
      } catch (error) {
        failed.add(plan.file);
        this.templateFile ??= templateFailure(error, this.cwd);
      }
    }
    for (const file of rendered) this.failed.delete(file);
    for (const file of failed) this.failed.add(file);
    return { changed, rendered };
  }

  /**
   * The common edit: posts' texts changed, but nothing by which other pages place or name them
   * (URL, title, dates, tags, authors, language, draft). Then every plan and plan key of the site
   * is as it was, and only the pages that show an edited post are planned again, from a new site
   * model (nothing built earlier is changed); their page keys decide which render. Any other edit
   * is undefined here and takes the full refresh, which finds the markdown just rendered in the entries.
   */
  private async refreshKeptShape(touched: ReadonlySet<string>, before: ReadonlyMap<string, RenderedPost | undefined>, started: number): Promise<RebuildResult | undefined> {
    if (this.failed.size > 0 || this.plans.size === 0) return undefined;
    const edits: Array<[Entry, RenderedPost]> = [];
    for (const absolute of touched) {
      const entry = this.entries.get(absolute);
      const old = before.get(absolute);
      // A fresh, readable post that keeps its URL and had no site-wide problem (a duplicate URL).
      if (!entry?.post || !old || entry.post.raw.file !== entry.file || entry.post.path !== old.path) return undefined;
      if (old.raw.file.messages.some((message) => SITE_RULES.has(message.ruleId ?? ''))) return undefined;
      edits.push([entry, old]);
    }
    // No URL moved: links resolve as at the last refresh.
    const context = { ...markdownContextFor(this.root, this.config, [], this.cwd), postPaths: this.lookups.lastPostPaths };
    for (const [entry] of edits) await renderEntry(entry, entry.post!, context, false, this.renderOne);
    await this.draw(edits.map(([entry]) => entry));
    if (edits.some(([entry, old]) => shapeOf(entry.rendered) !== shapeOf(old))) return undefined;

    const rendered = [...this.entries.values()].flatMap((entry) => (entry.rendered ? [entry.rendered] : []));
    await this.makeImages(rendered);
    const shownBefore = rendered.map(shownAs);
    const shown = resolveForeignAnchors(rendered, context.basePath);
    const site = withTheme(createSite(shown, this.config, this.registries.tags, this.now(), defaultAuthorOf(this.registries, this.config, this.now())), staticDirsOf(this.root), false);
    // The plans hold posts as pages showed them. Besides the edited ones, a post whose links the
    // edit re-pointed (it renamed a heading they name in another generator's way) shows anew.
    const edited = new Set(edits.map(([, old]) => shownAs(old)));
    shown.forEach((post, index) => {
      if (post !== shownBefore[index]) edited.add(shownBefore[index]!);
    });
    // A post page shows its neighbours and related posts by title, link and date only: part of the shape, so theirs are unchanged.
    const shows = (plan: Plan) =>
      plan.template === 'post' ? edited.has(plan.posts[0]!) : plan.posts.some((post) => edited.has(post)) || (plan.lists?.some((post) => edited.has(post)) ?? false);
    const affected = new Set([...this.plans.values()].filter(shows).map((plan) => plan.file));
    const plans = planSite(site, (file) => affected.has(file));
    const only = this.checkOnly(before);
    // The index holds posts' files too: an edit that brings or drops one needs a new index.
    const sameFiles = edits.every(([entry, old]) => [...old.assets.values()].join('\n') === [...(entry.rendered?.assets.values() ?? [])].join('\n'));
    if (!only || !sameFiles || !this.checkIndex) this.checkIndex = indexSite(site, staticDirsOf(this.root), this.plans.keys());
    runChecks(site, { files: only ? [] : this.files, index: this.checkIndex, only, summary: this.summary });
    const keyOf = pageKeys(site, templateDirsOf(this.root));
    // Every plan's own key is the one planned before (the shape is kept): taken from the last plan, not worked out again.
    const replanned = plans.map((plan): Plan => ({ ...plainPlan(plan), key: this.plans.get(plan.file)!.key }));
    const keys = new Map(replanned.map((plan) => [plan.file, keyOf(plan)]));
    const stale = replanned.filter((plan) => this.keys.get(plan.file) !== keys.get(plan.file));
    const result = await this.render(stale);
    for (const plan of replanned) {
      this.plans.set(plan.file, plan);
      this.keys.set(plan.file, keys.get(plan.file)!);
    }
    // From every post, not only the edited ones: a file under assets/ that an edited post no longer
    // names may still be another post's.
    this.assets = new Map([...assetsOf(rendered), ...this.images]);
    return { ...result, removed: [], ms: performance.now() - started };
  }

  /**
   * The edited posts alone, when their edits cannot change another post's findings: each was there
   * before and still is, with the same tags (similar-tags), heading ids and other generators' ids
   * for its headings (anchors into it). A moved URL is ruled out by the caller. Otherwise undefined:
   * every post is checked. The posts are as the site shows them (check/anchors/resolve.ts).
   */
  private checkOnly(before: ReadonlyMap<string, RenderedPost | undefined>): Set<RenderedPost> | undefined {
    const only = new Set<RenderedPost>();
    for (const [absolute, old] of before) {
      const now = this.entries.get(absolute)?.rendered;
      const [oldFacts, nowFacts] = [old?.raw.file.data.check, now?.raw.file.data.check];
      if (!old || !now || JSON.stringify(old.tags) !== JSON.stringify(now.tags) || !sameIds(oldFacts?.ids, nowFacts?.ids)) return undefined;
      // Other generators' ids for its headings: links from other posts may resolve through them.
      if (JSON.stringify(oldFacts?.foreignIds) !== JSON.stringify(nowFacts?.foreignIds)) return undefined;
      only.add(shownAs(now));
    }
    return only;
  }
}
