/** The author index with counts, and each author's posts on one page. */
import { routePath } from '../../site/routes.ts';
import { listJsonLd } from '../jsonld.ts';
import type { PageContext } from '../page-context.ts';
import { listingKey } from '../plan.ts';

/** Plan the author index and every author's page. */
export function planAuthors({ site, views, add, page, summaries, siteTitle, collator, t }: PageContext): void {
  const authors = [...site.authors].sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
  const authorsPath = routePath('authors');
  add({
    template: 'authors',
    path: authorsPath,
    key: authors.map((author) => `${author.id}\t${author.name}\t${author.posts.length}`).join('\n'),
    // Authors with their counts (views.author): no post of theirs, so no post enters the key.
    posts: [],
    view: () => ({
      page: page(authorsPath, t.authors, { section: 'authors', description: `The authors of ${siteTitle}` }),
      authors: authors.map(views.author),
    }),
  });
  for (const author of authors) {
    const path = routePath('author', { id: author.id });
    const description = author.bio ?? `Posts by ${author.name} on ${siteTitle}`;
    add({
      template: 'author',
      path,
      // The author page lists titles and dates, not excerpts: its key covers all it shows.
      key: () => `${author.name}\t${author.bio ?? ''}\t${author.url ?? ''}\n${listingKey(author.posts)}`,
      posts: [],
      lists: author.posts,
      view: () => ({
        page: page(path, author.name, {
          section: 'authors',
          description,
          jsonLd: listJsonLd('CollectionPage', site, { path, title: author.name, description, posts: author.posts }),
        }),
        author: views.author(author),
        posts: summaries(author.posts),
      }),
    });
  }
}
