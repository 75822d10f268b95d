/**
 * Write the Hugo peer site for a generated corpus: `content/posts/` with the posts as written,
 * except that YAML posts naming their tags under `category`/`categories` get a `tags` line (Hugo
 * reads one taxonomy key), and minimal layouts for the same pages: a page per post, paginated home
 * and tag pages, a tag index, RSS feeds (Hugo writes one per list, as ours does per tag).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PeerPost } from './corpus.ts';
import { FEED_ITEMS, PER_PAGE } from './eleventy-templates.ts';

/** Where Hugo writes the site inside its folder. */
export const HUGO_OUT = 'public';

const LAYOUTS: Record<string, string> = {
  '_default/baseof.html': `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }}</title><link rel="stylesheet" href="/style.css">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}</head>
<body><header><a href="/">{{ site.Title }}</a> <a href="/tags/">Tags</a></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ site.Title }}</footer></body>
</html>
`,
  '_default/single.html': `{{ define "main" }}<article data-pagefind-body>
<h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "January 2, 2006" }}</time>
<ul class="tags">{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ .Content }}
</article>
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
{{ end }}
`,
  '_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = where site.RegularPages "Section" "posts" }}{{ end }}
{{ $pager := .Paginate $pages }}
{{ range $pager.Pages }}<article>
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "January 2, 2006" }}</time>
{{ .Summary }}
</article>{{ end }}
<nav>{{ with $pager.Prev }}<a href="{{ .URL }}">Newer</a>{{ end }} {{ with $pager.Next }}<a href="{{ .URL }}">Older</a>{{ end }}</nav>
{{ end }}
`,
  '_default/terms.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
`,
  '_default/rss.xml': `{{ printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<rss version="2.0"><channel>
<title>{{ .Title }}</title><link>{{ .Permalink }}</link><description>{{ site.Title }}</description>
{{ $pages := .RegularPages }}{{ if .IsHome }}{{ $pages = where site.RegularPages "Section" "posts" }}{{ end }}
{{ range first ${FEED_ITEMS} $pages }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><guid>{{ .Permalink }}</guid>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" }}</pubDate><description>{{ .Content | html }}</description></item>
{{ end }}</channel></rss>
`,
};

/** Hugo's config: the site's title and URL, our pagination, only `tags` as a taxonomy, posts at /posts/<file name>/, raw HTML kept. */
function hugoConfig(site: { title: string; url: string }): string {
  return `baseURL = ${JSON.stringify(site.url)}
title = ${JSON.stringify(site.title)}
languageCode = "en"
paginate = ${PER_PAGE}
[taxonomies]
  tag = "tags"
[permalinks]
  posts = "/posts/:filename/"
[markup.goldmark.renderer]
  unsafe = true
`;
}

/** A post as Hugo gets it: a YAML post whose tags are not under `tags` gets them there; others unchanged. */
export function hugoPostText(post: PeerPost): string {
  if (post.style !== 'yaml' || post.data.tags !== undefined || post.tags.length === 0) return post.text;
  return post.text.replace(/^---\r?\n/, `---\ntags: ${JSON.stringify(post.tags.map((tag) => tag.label))}\n`);
}

/** Write the Hugo site for `posts` into `dir` (emptied first), with the site's title, URL and stylesheet. */
export async function writeHugoSite(dir: string, posts: PeerPost[], site: { title: string; url: string; css: string }): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'content/posts'), { recursive: true });
  await mkdir(path.join(dir, 'static'), { recursive: true });
  await writeFile(path.join(dir, 'config.toml'), hugoConfig(site));
  await writeFile(path.join(dir, 'static/style.css'), site.css);
  for (const [file, text] of Object.entries(LAYOUTS)) {
    await mkdir(path.dirname(path.join(dir, 'layouts', file)), { recursive: true });
    await writeFile(path.join(dir, 'layouts', file), text);
  }
  for (const post of posts) await writeFile(path.join(dir, 'content/posts', `${post.slug}.md`), hugoPostText(post));
}
