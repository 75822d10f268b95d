// The search page: reads ?q=, asks the Pagefind index that `npm run build` writes to <base>pagefind/,
// and lists the matching posts as links with an excerpt. Loaded (deferred) by the search page only;
// without it the page still offers the archive and tags.
(() => {
  const list = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  const input = document.getElementById('search-query');
  if (!list || !status || !input) return;
  const form = input.form;
  const SHOWN = 20;
  let pagefind;
  let latest = 0;
  let timer;

  const load = () => {
    pagefind ??= import(list.dataset.pagefind).then(async (module) => {
      // The index holds site-relative URLs (`/posts/x/`); results get the site's base path (`/blog/`).
      // Pagefind starts an excerpt where the matches are densest, often mid-sentence: the ellipsis says so.
      const options = { baseUrl: list.dataset.base || '/', excerptLength: 24, excerptEllipsis: '…' };
      await module.options(options);
      // A big site has more than one index (parts.json names the others): search them all as one.
      // A part that fails to load leaves the others searchable.
      const partsUrl = new URL('parts.json', new URL(list.dataset.pagefind, location.href));
      const parts = await fetch(partsUrl).then((response) => (response.ok ? response.json() : []), () => []);
      for (const part of parts) await module.mergeIndex(new URL(part, partsUrl).pathname, options).catch((error) => console.warn(error));
      return module;
    });
    return pagefind;
  };

  /** Pagefind's excerpt is text with <mark> around the matches: keep exactly that, as DOM nodes. */
  const excerptNodes = (html) => {
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstChild;
    return [...parsed.childNodes].map((node) => {
      if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    });
  };

  const item = (result) => {
    const li = document.createElement('li');
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta?.title || result.url;
    heading.append(link);
    const excerpt = document.createElement('p');
    excerpt.append(...excerptNodes(result.excerpt ?? ''));
    li.append(heading, excerpt);
    return li;
  };

  const run = async (query) => {
    const ticket = ++latest;
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!query.trim()) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = say('searching', 'Searching…');
    let found;
    try {
      const search = await (await load()).search(query);
      found = await Promise.all(search.results.slice(0, SHOWN).map((result) => result.data()));
      if (ticket !== latest) return;
      list.replaceChildren(...found.map(item));
      const total = search.results.length;
      const summary = say(total === 0 ? 'none' : total === 1 ? 'one' : 'many', '{n} posts match “{query}”.', { n: total, query });
      status.textContent = total > SHOWN ? `${summary} ${say('first', 'The first {shown} are shown.', { shown: SHOWN })}` : summary;
    } catch {
      if (ticket !== latest) return;
      list.replaceChildren();
      status.textContent = say('unavailable', 'Search is not available here: its index is made by `npm run build` (the dev server does not make one).');
    }
  };

  /** A UI string in the site's language, from the results list's data attributes (templates/search.liquid). */
  function say(name, fallback, values = {}) {
    return (list.dataset[name] || fallback).replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
  }

  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(input.value);
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), 200);
  });

  const query = new URLSearchParams(location.search).get('q') ?? '';
  input.value = query;
  if (query) void run(query);
  else void load().catch(() => undefined);
})();
