// Live reload for `npm run dev`, injected into every HTML page the dev server sends (never into builds).
// Server-Sent Events: `reload` for changed pages, `css` to swap stylesheets in place, `errors` for the overlay.
(() => {
  const SCROLL_KEY = 'blog-dev-scroll';
  const servedVersion = Number(document.currentScript?.dataset.version ?? NaN);
  const here = () => location.pathname.replace(/index\.html$/, '');

  // A content reload keeps the reader where they were.
  try {
    const saved = JSON.parse(sessionStorage.getItem(SCROLL_KEY) || 'null');
    sessionStorage.removeItem(SCROLL_KEY);
    if (saved && saved.path === location.pathname) {
      history.scrollRestoration = 'manual';
      const restore = () => window.scrollTo(0, saved.y);
      restore();
      addEventListener('DOMContentLoaded', restore);
      addEventListener('load', restore);
    }
  } catch {
    // Storage may be off; reloading still works.
  }

  const reload = () => {
    try {
      sessionStorage.setItem(SCROLL_KEY, JSON.stringify({ path: location.pathname, y: window.scrollY }));
    } catch {}
    location.reload();
  };

  const swapStylesheets = (hrefs) => {
    for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
      const url = new URL(link.href);
      if (!hrefs.includes(url.pathname)) continue;
      url.searchParams.set('v', String(Date.now()));
      // The new sheet loads beside the old one, so the page never flashes unstyled.
      const next = link.cloneNode();
      next.href = url.href;
      next.addEventListener('load', () => link.remove(), { once: true });
      next.addEventListener('error', () => next.remove(), { once: true });
      link.after(next);
    }
  };

  const OVERLAY_ID = 'blog-dev-overlay';
  const showErrors = (messages) => {
    document.getElementById(OVERLAY_ID)?.remove();
    if (messages.length === 0) return;
    const overlay = document.createElement('div');
    overlay.id = OVERLAY_ID;
    overlay.setAttribute('role', 'alertdialog');
    overlay.setAttribute('aria-label', 'Build errors');
    overlay.style.cssText =
      'position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.94);color:#f8f8f2;' +
      'font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:2rem';
    const title = document.createElement('h2');
    title.textContent = messages.length === 1 ? '1 error' : `${messages.length} errors`;
    title.style.cssText = 'margin:0 0 1rem;color:#ff6b6b;font-size:1.2rem';
    overlay.append(title);
    for (const message of messages) {
      const item = document.createElement('pre');
      item.className = 'blog-dev-error';
      item.style.cssText = 'white-space:pre-wrap;margin:0 0 1rem;padding:1rem;background:#2a2a31;border-left:4px solid #ff6b6b';
      const where = `${message.file}${message.line ? `:${message.line}:${message.column ?? 1}` : ''}`;
      item.textContent = `${where}\n${message.message}${message.rule ? `  (${message.rule})` : ''}`;
      overlay.append(item);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Close';
    close.style.cssText = 'font:inherit;padding:.4rem 1rem;cursor:pointer';
    close.addEventListener('click', () => overlay.remove());
    overlay.append(close);
    document.body.append(overlay);
  };

  const events = new EventSource('/__blog/events');
  // A rebuild between serving this page and connecting: the page may be stale.
  events.addEventListener('hello', (event) => {
    if (JSON.parse(event.data).version !== servedVersion) reload();
  });
  events.addEventListener('reload', (event) => {
    const { paths } = JSON.parse(event.data);
    if (paths === '*' || paths.includes(here())) reload();
  });
  events.addEventListener('css', (event) => swapStylesheets(JSON.parse(event.data).hrefs));
  events.addEventListener('errors', (event) => {
    const apply = () => showErrors(JSON.parse(event.data).messages);
    if (document.body) apply();
    else addEventListener('DOMContentLoaded', apply, { once: true });
  });
})();
