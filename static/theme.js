// The default theme's only script, loaded with `defer`: every page reads fine without it, so it
// adds only what needs JavaScript to work — the theme toggle and the code copy buttons.
(() => {
  const root = document.documentElement;
  const systemDark = matchMedia('(prefers-color-scheme: dark)');
  const isDark = () => (root.dataset.theme || (systemDark.matches ? 'dark' : 'light')) === 'dark';

  // The toggle flips the theme and remembers it; the inline script in <head> applies the stored
  // choice before the first paint. Until a reader chooses, the system setting rules.
  const toggle = document.querySelector('.theme-toggle');
  if (toggle) {
    const sync = () => toggle.setAttribute('aria-pressed', String(isDark()));
    toggle.addEventListener('click', () => {
      const theme = isDark() ? 'light' : 'dark';
      root.dataset.theme = theme;
      try {
        localStorage.setItem('theme', theme);
      } catch {
        // Storage blocked (private mode, policy): the choice lasts for this page only.
      }
      sync();
    });
    systemDark.addEventListener('change', sync);
    sync();
    toggle.hidden = false;
  }

  // A table wider than the column scrolls inside its box: keyboard users must be able to focus it to scroll it.
  const tables = document.querySelectorAll('main table');
  const focusScrollers = () => {
    for (const table of tables) {
      if (table.scrollWidth > table.clientWidth) table.tabIndex = 0;
      else table.removeAttribute('tabindex');
    }
  };
  if (tables.length > 0) {
    focusScrollers();
    addEventListener('resize', focusScrollers);
  }

  const blocks = document.querySelectorAll('.code-block');
  if (blocks.length === 0) return;
  // One polite live region for the page, present before it changes so screen readers announce it.
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  document.body.append(status);

  const copy = async (text) => {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    // Plain http: the older API still works from a click.
    const area = Object.assign(document.createElement('textarea'), { value: text });
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0';
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    if (!done) throw new Error('copy refused');
  };

  for (const block of blocks) {
    const code = block.querySelector('pre code') || block.querySelector('pre');
    if (!code) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    const label = (text) => {
      button.innerHTML = `${text}<span class="visually-hidden"> code</span>`;
    };
    label('Copy');
    let timer;
    button.addEventListener('click', async () => {
      let message = 'Copied';
      try {
        await copy(code.textContent ?? '');
      } catch {
        message = 'Copy failed';
      }
      label(message);
      status.textContent = message === 'Copied' ? 'Code copied to the clipboard' : 'Could not copy the code';
      clearTimeout(timer);
      timer = setTimeout(() => {
        label('Copy');
        status.textContent = '';
      }, 2000);
    });
    block.append(button);
  }
})();
