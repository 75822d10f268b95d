// The default theme's only script, loaded with `defer`: every page reads fine without it, so it
// adds only what needs JavaScript to work — the theme toggle and the code copy buttons.
(() => {
  const root = document.documentElement;
  const script = document.currentScript;
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

  const blocks = document.querySelectorAll('.code-block');
  if (blocks.length === 0) return;
  // The button's words in the site's language, from this script's data attributes (templates/base.liquid).
  const words = script?.dataset ?? {};
  const say = (name, fallback) => words[name] || fallback;
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
    // Named "Copy code" while it shows "Copy"; once it shows what happened, by that text alone.
    const label = (text, name) => {
      button.textContent = text;
      if (name) button.setAttribute('aria-label', name);
      else button.removeAttribute('aria-label');
    };
    const ready = () => label(say('copy', 'Copy'), say('copyCode', 'Copy code'));
    ready();
    let timer;
    button.addEventListener('click', async () => {
      let copied = true;
      try {
        await copy(code.textContent ?? '');
      } catch {
        copied = false;
      }
      label(copied ? say('copied', 'Copied') : say('copyFailed', 'Copy failed'));
      status.textContent = copied ? say('codeCopied', 'Code copied to the clipboard') : say('codeNotCopied', 'Could not copy the code');
      clearTimeout(timer);
      timer = setTimeout(() => {
        ready();
        status.textContent = '';
      }, 2000);
    });
    block.append(button);
  }
})();
