/**
 * The Shiki highlighter of this thread, synchronous so the unified chain stays `runSync` on the
 * main thread and in workers alike. It uses Shiki's JavaScript regex engine: the Oniguruma (WASM)
 * engine was about twice as fast on long blocks, but it can only be loaded asynchronously, and the
 * chain is built synchronously on whichever thread renders (markdown/render-thread.ts), where a
 * top-level await would hold up every worker's start. A fixed set of languages is imported statically;
 * a language's grammar is compiled only when a block first uses it.
 */
import type { Root } from 'hast';
import { createHighlighterCoreSync, type LanguageRegistration } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import githubDark from 'shiki/themes/github-dark-default.mjs';
import githubLight from 'shiki/themes/github-light-default.mjs';
import c from 'shiki/langs/c.mjs';
import cpp from 'shiki/langs/cpp.mjs';
import csharp from 'shiki/langs/csharp.mjs';
import css from 'shiki/langs/css.mjs';
import diff from 'shiki/langs/diff.mjs';
import docker from 'shiki/langs/docker.mjs';
import go from 'shiki/langs/go.mjs';
import graphql from 'shiki/langs/graphql.mjs';
import hcl from 'shiki/langs/hcl.mjs';
import html from 'shiki/langs/html.mjs';
import ini from 'shiki/langs/ini.mjs';
import java from 'shiki/langs/java.mjs';
import javascript from 'shiki/langs/javascript.mjs';
import json from 'shiki/langs/json.mjs';
import jsonc from 'shiki/langs/jsonc.mjs';
import jsx from 'shiki/langs/jsx.mjs';
import kotlin from 'shiki/langs/kotlin.mjs';
import lua from 'shiki/langs/lua.mjs';
import make from 'shiki/langs/make.mjs';
import markdown from 'shiki/langs/markdown.mjs';
import nginx from 'shiki/langs/nginx.mjs';
import nix from 'shiki/langs/nix.mjs';
import php from 'shiki/langs/php.mjs';
import powershell from 'shiki/langs/powershell.mjs';
import python from 'shiki/langs/python.mjs';
import ruby from 'shiki/langs/ruby.mjs';
import rust from 'shiki/langs/rust.mjs';
import scss from 'shiki/langs/scss.mjs';
import shellscript from 'shiki/langs/shellscript.mjs';
import shellsession from 'shiki/langs/shellsession.mjs';
import sql from 'shiki/langs/sql.mjs';
import swift from 'shiki/langs/swift.mjs';
import toml from 'shiki/langs/toml.mjs';
import tsx from 'shiki/langs/tsx.mjs';
import typescript from 'shiki/langs/typescript.mjs';
import xml from 'shiki/langs/xml.mjs';
import yaml from 'shiki/langs/yaml.mjs';

/** Every language a fence may name (each module also brings the languages it embeds). */
const MODULES = [
  c, cpp, csharp, css, diff, docker, go, graphql, hcl, html, ini, java, javascript, json, jsonc, jsx, kotlin, lua,
  make, markdown, nginx, nix, php, powershell, python, ruby, rust, scss, shellscript, shellsession, sql, swift,
  toml, tsx, typescript, xml, yaml,
];

/** Labels where the grammar's display name is not what the fence said (`bash` is highlighted as "Shell"). */
const LABELS: Record<string, string> = { bash: 'Bash', zsh: 'Zsh', sh: 'Shell', console: 'Shell session', dockerfile: 'Dockerfile' };

const byName = new Map<string, LanguageRegistration>();
const byScope = new Map<string, LanguageRegistration>();
/** Grammars that inject themselves into a scope (`markdown-nix`, which nix brings, into markdown). */
const injectors = new Map<string, LanguageRegistration[]>();
for (const lang of MODULES.flat()) {
  byScope.set(lang.scopeName, lang);
  for (const name of [lang.name, ...(lang.aliases ?? [])]) byName.set(name.toLowerCase(), lang);
  for (const target of lang.injectTo ?? []) injectors.set(target, [...(injectors.get(target) ?? []), lang]);
}

// The -default variants: every token colour meets WCAG AA on its background (github-dark's comments are 3.05:1).
/** Characters of one line Shiki colours; beyond this the line is shown as it is. */
const MAX_LINE = 2_000;

const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

const highlighter = createHighlighterCoreSync({
  themes: [githubLight, githubDark],
  langs: [],
  // Forgiving: a pattern the engine cannot translate never matches (the same way every run),
  // instead of failing the whole post.
  engine: createJavaScriptRegexEngine({ forgiving: true }),
});

/** A fence's language as Shiki knows it, with the label to show; undefined for one we do not highlight. */
export function languageOf(lang: string): { name: string; label: string } | undefined {
  const key = lang.toLowerCase();
  const registration = byName.get(key);
  if (registration === undefined) return undefined;
  return { name: registration.name, label: LABELS[key] ?? registration.displayName ?? registration.name };
}

/**
 * `code` as Shiki's `<pre class="shiki …" tabindex="0"><code>…`, with CSS variables for both themes
 * (`defaultColor: false`): tokens carry `--shiki-light`/`--shiki-dark`, the pre also the `-bg` ones.
 * Without a known `lang` the text is one plain span per line, coloured only by the pre.
 */
export function highlight(code: string, lang: string | undefined): Root {
  const name = lang === undefined ? undefined : languageOf(lang)?.name;
  if (name !== undefined) ensureLoaded(name);
  // No time limit per line (Shiki's default is 500 ms, after which the rest of the line is left
  // uncoloured): on a busy machine, compiling a grammar's rules mid-line could cross it, and the
  // output would depend on the machine's load instead of on the text alone.
  // No time limit (output must not depend on the machine's load), but a length limit: a 1 MB
  // minified line could keep a regex busy for minutes. Longer lines stay plain, every time.
  return highlighter.codeToHast(code, { lang: name ?? 'text', themes: THEMES, defaultColor: false, tokenizeTimeLimit: 0, tokenizeMaxLineLength: MAX_LINE });
}

/**
 * Load a language with every grammar it can reach: the ones its `include`s name and the ones that
 * inject themselves into it. A grammar's output depends on those being loaded when it first runs,
 * so loading them all up front makes a block's colours independent of which blocks this thread
 * highlighted before (test/markdown/highlight.test.ts).
 */
function ensureLoaded(name: string): void {
  if (highlighter.getLoadedLanguages().includes(name)) return;
  const needed = new Set<LanguageRegistration>();
  const visit = (lang: LanguageRegistration | undefined): void => {
    if (lang === undefined || needed.has(lang)) return;
    needed.add(lang);
    for (const embedded of lang.embeddedLangs ?? []) visit(byName.get(embedded));
    for (const scope of includedScopes(lang)) visit(byScope.get(scope));
    for (const injector of injectors.get(lang.scopeName) ?? []) visit(injector);
  };
  visit(byName.get(name));
  highlighter.loadLanguageSync([...needed]);
}

/** The scope names a grammar includes from other grammars (`source.js`, `text.html.basic#tags`). */
function includedScopes(grammar: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(grammar)) {
    for (const item of grammar) includedScopes(item, found);
  } else if (grammar !== null && typeof grammar === 'object') {
    for (const [key, value] of Object.entries(grammar)) {
      if (key === 'include' && typeof value === 'string' && !/^[#$]/.test(value)) found.add(value.split('#')[0]!);
      else includedScopes(value, found);
    }
  }
  return found;
}
