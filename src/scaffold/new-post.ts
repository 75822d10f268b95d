/**
 * `blogsmith new "Post title"`: `content/posts/<slug>.md` with its front matter, dated now in the
 * site's time zone (with the offset, so the post sorts by the minute it was begun), as `hugo new` does.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { postSlug } from '../content/normalize/slug.ts';
import { stringify } from 'yaml';

export interface NewPostOptions {
  root: string;
  title: string;
  timezone: string;
  now: Date;
  draft: boolean;
}

/** The file written, or the post of that name that is already there (it is never overwritten). */
export async function newPost(options: NewPostOptions): Promise<{ file: string; written: boolean }> {
  const title = options.title.trim();
  const file = path.join(options.root, 'content', 'posts', `${postSlug(title)}.md`);
  if (existsSync(file)) return { file, written: false };
  const date = Temporal.Instant.fromEpochMilliseconds(options.now.getTime())
    .toZonedDateTimeISO(options.timezone)
    .toString({ smallestUnit: 'second', timeZoneName: 'never' });
  // The YAML library quotes what needs quoting (a title with `: ` or a leading `#`).
  const frontMatter = stringify({ title, date, tags: [], description: '', ...(options.draft ? { draft: true } : {}) }, { lineWidth: 0 });
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `---\n${frontMatter}---\n\nWrite here.\n`, { flag: 'wx' });
  return { file, written: true };
}
