/** Test helpers: a NormalizeContext that records its messages, and a RawPost made from front matter. */
import { VFile } from 'vfile';
import type { NormalizeContext, FieldMessage } from '../../src/content/normalize/context.ts';
import type { AuthorEntry, RawPost, SiteConfig, TagEntry } from '../../src/types.ts';

/** One recorded message, as a test asserts it. */
export interface Recorded extends FieldMessage {
  reason: string;
}

/** A context plus the messages it received. */
export interface RecordingContext extends NormalizeContext {
  messages: Recorded[];
}

/** The authors.yml of the seeds: `gerrit` with alias `gerrit91`. */
export const seedAuthors: AuthorEntry[] = [
  { id: 'gerrit', name: 'Gerrit Schwerthelm', url: 'https://github.com/Gerrit91', aliases: ['gerrit91'] },
  { id: 'thierry', name: 'Thierry Carrez', email: 'thierry@openinfra.dev', aliases: ['ttx'] },
];

/** A small tags.yml: ids with aliases. */
export const seedTags: TagEntry[] = [
  { id: 'open-source', label: 'Open Source', aliases: ['oss', 'FOSS', 'free software'] },
  { id: 'conferences', aliases: ['Conference', 'events'] },
];

/** Options of makeContext. */
export interface ContextOptions {
  config?: Partial<SiteConfig>;
  authors?: AuthorEntry[];
  tags?: TagEntry[];
  now?: Date;
}

/** A recording context with the seed registries, UTC and a fixed "now" unless told otherwise. */
export function makeContext(options: ContextOptions = {}): RecordingContext {
  const messages: Recorded[] = [];
  return {
    config: {
      title: 'Test',
      description: '',
      url: 'https://example.org/',
      language: 'en',
      timezone: 'UTC',
      postsPerPage: 10,
      ...options.config,
    },
    authors: new Map((options.authors ?? seedAuthors).map((entry) => [entry.id, entry])),
    tags: new Map((options.tags ?? seedTags).map((entry) => [entry.id, entry])),
    now: options.now ?? new Date('2025-06-01T00:00:00Z'),
    messages,
    report(reason, { path, severity, ruleId }) {
      messages.push(path === undefined ? { reason, severity, ruleId } : { reason, path, severity, ruleId });
    },
  };
}

/** Options of makeRaw. */
export interface RawOptions {
  relPath?: string;
  mtime?: Date;
  gitDate?: Date;
  /** The front matter's syntax; YAML unless told. */
  format?: 'yaml' | 'toml';
}

/** The mtime every test post has unless told otherwise. */
export const MTIME = new Date('2024-07-08T09:10:11Z');

/** A RawPost with this front matter data, as content/ would hand it over. */
export function makeRaw(data: Record<string, unknown>, options: RawOptions = {}): RawPost {
  const relPath = options.relPath ?? 'post.md';
  const raw: RawPost = {
    file: new VFile({ path: `/site/content/posts/${relPath}`, cwd: '/site', value: '' }),
    relPath,
    frontMatter: { format: options.format ?? 'yaml', data, locate: () => undefined },
    mtime: options.mtime ?? MTIME,
  };
  if (options.gitDate) raw.gitDate = options.gitDate;
  return raw;
}
