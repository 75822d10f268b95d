/**
 * The Eleventy 3 project the bench builds as a peer: config, Liquid layouts and pages for the same
 * pages as ours (a page per post, paginated home and tag pages, a tag index, an RSS feed).
 * Kept as files' text so the writer can put them beside any generated corpus.
 */

/** Posts per list page, as the generated site's `postsPerPage`. */
export const PER_PAGE = 10;
/** Items in the RSS feed, as ours. */
export const FEED_ITEMS = 20;

/** `eleventy.config.mjs`; `tomlUrl` is smol-toml's module URL, since the project folder sits outside this repository. */
export function eleventyConfig(tomlUrl: string): string {
  return `import { parse as parseToml } from ${JSON.stringify(tomlUrl)};

export default function (eleventyConfig) {
  let markdown;
  eleventyConfig.amendLibrary("md", (library) => { markdown = library; });
  // Hugo-style +++ posts arrive as ---toml; gray-matter needs an engine for them.
  eleventyConfig.setFrontMatterParsingOptions({
    excerpt: true,
    excerpt_separator: "<!-- truncate -->",
    engines: { toml: (source) => parseToml(source) },
  });
  eleventyConfig.addFilter("markdown", (text) => markdown.render(text ?? ""));
  eleventyConfig.addPassthroughCopy("style.css");
  // Paginated tag pages: Eleventy has no two-level pagination, so chunks become one collection.
  eleventyConfig.addCollection("tagPages", (api) => {
    const byTag = new Map();
    for (const post of api.getFilteredByTag("post").reverse()) {
      for (const tag of post.data.peerTags ?? []) {
        if (!byTag.has(tag.slug)) byTag.set(tag.slug, { ...tag, posts: [] });
        byTag.get(tag.slug).posts.push(post);
      }
    }
    const pages = [];
    for (const tag of byTag.values()) {
      const count = Math.ceil(tag.posts.length / ${PER_PAGE});
      for (let i = 0; i < count; i++) {
        pages.push({ slug: tag.slug, label: tag.label, total: tag.posts.length, number: i + 1, count, posts: tag.posts.slice(i * ${PER_PAGE}, (i + 1) * ${PER_PAGE}) });
      }
    }
    return pages;
  });
}
`;
}

/**
 * A post's summary on the home and tag pages, written into both templates rather than an
 * `{% include %}`: Eleventy 3 renders an include at ~1 ms each (its Liquid resolves the file every
 * time), which doubled its whole 4,000-post build (23.0 s against 12.7 s, 11,000 summaries). The
 * peer is given the faster form a performance-minded Eleventy user would write.
 */
const SUMMARY = `<article>
<h2><a href="{{ post.url }}">{{ post.data.title | default: post.fileSlug }}</a></h2>
<time datetime="{{ post.date | date: '%Y-%m-%d' }}">{{ post.date | date: '%B %-d, %Y' }}</time>
{{ post.data.page.excerpt | markdown }}
</article>`;

/** The project's files other than the posts and data: path → text. */
export const ELEVENTY_FILES: Record<string, string> = {
  '_includes/base.liquid': `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title | default: site.title }}</title><link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" href="/rss.xml"></head>
<body><header><a href="/">{{ site.title }}</a> <a href="/tags/">Tags</a></header>
<main>{{ content }}</main>
<footer>{{ site.title }}</footer></body>
</html>
`,
  '_includes/post.liquid': `---
layout: base.liquid
---
<article data-pagefind-body>
<h1>{{ title | default: page.fileSlug }}</h1>
<time datetime="{{ page.date | date: '%Y-%m-%d' }}">{{ page.date | date: '%B %-d, %Y' }}</time>
<ul class="tags">{% for tag in peerTags %}<li><a href="/tags/{{ tag.slug }}/">{{ tag.label }}</a></li>{% endfor %}</ul>
{{ content }}
</article>
{%- assign previous = collections.post | getPreviousCollectionItem -%}
{%- assign next = collections.post | getNextCollectionItem -%}
<nav>{% if previous %}<a href="{{ previous.url }}">{{ previous.data.title }}</a>{% endif %} {% if next %}<a href="{{ next.url }}">{{ next.data.title }}</a>{% endif %}</nav>
`,
  'posts/posts.json': JSON.stringify({ layout: 'post.liquid', tags: ['post'], permalink: 'posts/{{ page.fileSlug }}/' }, null, 2) + '\n',
  'index.liquid': `---
layout: base.liquid
pagination:
  data: collections.post
  size: ${PER_PAGE}
  reverse: true
  alias: posts
permalink: "{% if pagination.pageNumber > 0 %}page/{{ pagination.pageNumber | plus: 1 }}/{% endif %}index.html"
---
{% for post in posts %}${SUMMARY}{% endfor %}
<nav>{% if pagination.href.previous %}<a href="{{ pagination.href.previous }}">Newer</a>{% endif %} {% if pagination.href.next %}<a href="{{ pagination.href.next }}">Older</a>{% endif %}</nav>
`,
  'tag.liquid': `---
layout: base.liquid
pagination:
  data: collections.tagPages
  size: 1
  alias: tagPage
permalink: "tags/{{ tagPage.slug }}/{% if tagPage.number > 1 %}page/{{ tagPage.number }}/{% endif %}index.html"
eleventyComputed:
  title: "Posts tagged {{ tagPage.label }}"
---
<h1>Posts tagged “{{ tagPage.label }}” ({{ tagPage.total }})</h1>
{% for post in tagPage.posts %}${SUMMARY}{% endfor %}
<nav>{% if tagPage.number > 1 %}<a href="/tags/{{ tagPage.slug }}/{% if tagPage.number > 2 %}page/{{ tagPage.number | minus: 1 }}/{% endif %}">Newer</a>{% endif %}
{% if tagPage.number < tagPage.count %}<a href="/tags/{{ tagPage.slug }}/page/{{ tagPage.number | plus: 1 }}/">Older</a>{% endif %}</nav>
`,
  'tags.liquid': `---
layout: base.liquid
permalink: tags/index.html
title: Tags
---
<h1>Tags</h1>
<ul>{% for tagPage in collections.tagPages %}{% if tagPage.number == 1 %}<li><a href="/tags/{{ tagPage.slug }}/">{{ tagPage.label }}</a> ({{ tagPage.total }})</li>{% endif %}{% endfor %}</ul>
`,
  'feed.liquid': `---
permalink: rss.xml
eleventyExcludeFromCollections: true
eleventyImport:
  collections: ["post"]
---
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>{{ site.title }}</title><link>{{ site.url }}</link><description>{{ site.title }}</description>
{%- assign posts = collections.post | reverse -%}
{%- for post in posts limit: ${FEED_ITEMS} %}
<item><title>{{ post.data.title | default: post.fileSlug | escape }}</title><link>{{ site.url }}{{ post.url | remove_first: "/" }}</link>
<guid>{{ site.url }}{{ post.url | remove_first: "/" }}</guid><pubDate>{{ post.date | date: "%a, %d %b %Y %H:%M:%S %z" }}</pubDate>
<description>{{ post.content | escape }}</description></item>
{%- endfor %}
</channel></rss>
`,
};
