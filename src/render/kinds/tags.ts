/** The tag index with counts, and each tag's posts, page by page. */
import { routePath } from '../../site/routes.ts';
import type { PageContext } from '../page-context.ts';
import { paginate } from '../pagination.ts';
import { fill } from '../strings/index.ts';

/** Plan the tag index and every page of every tag. */
export function planTags({ site, views, add, page, listMeta, summaries, numbered, listKey, siteTitle, collator, wantsPath, t }: PageContext): void {
  const tags = [...site.tags].sort((a, b) => collator.compare(a.label, b.label) || a.slug.localeCompare(b.slug));
  const tagsPath = routePath('tags');
  add({
    template: 'tags',
    path: tagsPath,
    key: tags.map((tag) => `${tag.slug}\t${tag.label}\t${tag.posts.length}`).join('\n'),
    // Tags with their counts (views.tag): no post of theirs, so no post enters the key.
    posts: [],
    view: () => ({
      page: page(tagsPath, t.tags, { section: 'tags', description: `All tags of ${siteTitle}` }),
      tags: tags.map(views.tag),
    }),
  });
  for (const tag of tags) {
    const description = tag.description ?? `Posts tagged “${tag.label}” on ${siteTitle}`;
    for (const list of paginate(site, tag.posts, site.config.postsPerPage, routePath('tag', { slug: tag.slug }), wantsPath)) {
      const name = numbered(fill(t.postsTagged, { tag: tag.label }), list.pagination.current);
      add({
        template: 'tag',
        path: list.path,
        key: `${tag.label}\t${tag.posts.length}\n${listKey(list)}`,
        // Its own page of posts; of the rest of the tag, only the count (in the key) shows.
        posts: list.items,
        view: () => {
          const tagView = views.tag(tag);
          return {
            page: page(list.path, name, { section: 'tags', feed: tagView.feed, ...listMeta(list, 'CollectionPage', name, description) }),
            tag: tagView,
            posts: summaries(list.items),
            pagination: list.pagination,
          };
        },
      });
    }
  }
}
