/**
 * The template pass (src/markdown/dialects/): what each construct reports and where, site
 * shortcode templates, and the lookups a cached result is kept by. The HTML of each construct is
 * in the fixtures (test/fixtures/markdown/liquid-*, hugo-*).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookupHolds } from '../../src/markdown/dialects/lookups.ts';
import { renderJob } from '../../src/markdown/render.ts';
import type { MarkdownContext } from '../../src/markdown/job.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/markdown');
const CONTENT = '/site/content';
const SOURCE = `${CONTENT}/posts/post.md`;

function context(extra: Partial<MarkdownContext> = {}): MarkdownContext {
  return {
    basePath: '/blog/',
    cwd: '/site',
    contentDir: CONTENT,
    staticDirs: [],
    postPaths: new Map([
      [SOURCE, 'posts/post/'],
      [`${CONTENT}/posts/2014-01-01-welcome.md`, 'posts/welcome/'],
    ]),
    site: { title: 'My Blog', description: 'About things' },
    ...extra,
  };
}

/** Render `text` as the post `content/posts/post.md`. */
function render(text: string, extra: Partial<MarkdownContext> = {}) {
  const result = renderJob({ path: SOURCE, cwd: '/site', sourcePath: SOURCE, text, pagePath: 'posts/post/', title: 'Post', fileTitle: 'post' }, context(extra));
  const messages = result.messages.map((m) => `${m.place && 'line' in m.place ? `${m.place.line}:${m.place.column}` : '?'} ${m.fatal ? 'error' : m.fatal === false ? 'warning' : 'info'} ${m.ruleId} ${m.reason}`);
  return { ...result, messages };
}

/** A fixture's messages of the template pass (its root-relative images are not in this test's static folders). */
const fixture = (name: string) => render(readFileSync(path.join(FIXTURES, name, 'input.md'), 'utf8')).messages.filter((m) => !m.includes('missing-asset'));
const body = (html: string) => html.replace(/ style="[^"]*"/g, '');

describe('messages, where the author wrote the construct', () => {
  it('unknown variables', () => {
    expect(fixture('liquid-variables')).toEqual([
      '12:35 warning unknown-variable Cannot read {{ site.repository }} (undefined variable: site.repository): left out',
      '12:62 warning unknown-variable Cannot read {{ author_name }} (undefined variable: author_name): left out',
    ]);
  });

  it('unknown tags, Liquid logic and unknown shortcodes', () => {
    expect(fixture('liquid-comments-tags')).toEqual([
      '10:1 warning unknown-shortcode Unknown tag {% image %}: left out; add templates/shortcodes/image.liquid to render it',
      '12:1 warning unknown-shortcode Unknown tag {% callout %}: left out, its inner text kept; add templates/shortcodes/callout.liquid to render it',
      "16:1 warning unknown-shortcode Liquid's {% if %} is not run in posts: left out, its inner text kept",
    ]);
    expect(fixture('hugo-escaped-unknown')).toEqual([
      '11:1 warning unknown-shortcode Unknown shortcode {{< qr >}}: left out; add templates/shortcodes/qr.liquid to render it',
      '13:1 warning unknown-shortcode Unknown shortcode {{< notice >}}: left out, its inner text kept; add templates/shortcodes/notice.liquid to render it',
      '17:1 warning unknown-shortcode {{< /stray >}} closes no shortcode: left out',
    ]);
    expect(fixture('hugo-param-details')).toEqual([
      '9:128 warning unknown-variable No front matter value or site setting "nope" for {{< param nope >}}: left out',
    ]);
  });

  it('posts that are not there, as broken links', () => {
    expect(fixture('liquid-post-links')).toEqual([
      '10:13 error broken-link Link to a post that does not exist or is not published: {% post_url 2099-01-01-nowhere %}',
    ]);
    expect(render('[Missing]({{< ref "nowhere.md" >}})\n').messages).toEqual([
      '1:11 error broken-link Link to a post that does not exist or is not published: {{< ref "nowhere.md" >}}',
    ]);
  });

  it('keeps later messages on their lines where the pass added lines', () => {
    const text = '---\ntitle: x\n---\n\nA {% highlight sh %}echo{% endhighlight %} b\n\n{{< details >}}\nx\n{{< /details >}}\n\n[bad](./nope.md) ![](/gone.png)\n';
    expect(render(text).messages).toEqual([
      '11:1 error broken-link Link to a post that does not exist or is not published: ./nope.md',
      '11:18 warning missing-asset Missing local file /gone.png (not in static/)',
    ]);
  });

  it('leaves front matter and posts without template syntax alone', () => {
    const plain = render('---\ntitle: "{{ not read }}"\n---\n\nNo templates here.\n');
    expect(plain.messages).toEqual([]);
    expect(plain.deps).toEqual([]);
  });
});

describe('site shortcode templates', () => {
  const shortcodes = {
    note: '<div class="note {{ type }}">{{ inner | raw }}</div>',
    hello: 'Hello, {{ args[0] }} and {{ params.who }}: {{ page.title }} on {{ site.title }}.',
    figure: '<img src="{{ src }}" alt="site figure">',
    broken: '{{ x | nofilter }}',
    md: '**{{ args[0] }}**',
  };

  it('passes named and positional arguments, the page and the site', () => {
    expect(render('---\ntitle: T\n---\n\n{{< hello "Ann" who="<Bob>" >}}\n', { shortcodes }).html).toBe('Hello, Ann and &#x3C;Bob>: T on My Blog.');
  });

  it('gives inner as written to {{< >}}, whose output is HTML, and as markdown to {{% %}} and Liquid tags', () => {
    const angle = render('{{< note type="tip" >}}**bold**{{< /note >}}\n', { shortcodes });
    expect(angle.html).toBe('<div class="note tip">**bold**</div>');
    const percent = render('{{% note type="tip" %}}\n\n**bold**\n\n{{% /note %}}\n', { shortcodes });
    expect(percent.html).toBe('<div class="note tip">\n<p><strong>bold</strong></p>\n</div>');
    const eleventy = render('{% md "strong" %}\n', { shortcodes });
    expect(eleventy.html).toBe('<p><strong>strong</strong></p>');
  });

  it('overrides a built-in of the same name', () => {
    expect(render('{{< figure src="https://example.org/a.png" >}}\n', { shortcodes }).html).toContain('alt="site figure"');
  });

  it('reports a failing template at the call, as an error', () => {
    expect(render('Text {{< broken >}}\n', { shortcodes }).messages).toEqual([
      '1:6 error shortcode-template Shortcode template templates/shortcodes/broken.liquid failed: undefined filter: nofilter, file:broken.liquid, line:1, col:1',
    ]);
  });
});

describe('lookups a cached result holds by', () => {
  const holds = (deps: ReturnType<typeof render>['deps'], next: MarkdownContext) => deps.every((dep) => !('lookup' in dep) || lookupHolds(dep, next));

  it('the template a call used, and any template of a name it called', () => {
    const { deps } = render('{{< note >}}x{{< /note >}} {{< other >}}\n', { shortcodes: { note: 'A' } });
    expect(holds(deps, context({ shortcodes: { note: 'A', unrelated: 'Z' } }))).toBe(true);
    expect(holds(deps, context({ shortcodes: { note: 'B' } }))).toBe(false);
    expect(holds(deps, context({ shortcodes: { note: 'A', other: 'now there' } }))).toBe(false);
  });

  it('a template that one it used includes', () => {
    const { deps } = render('{{< note >}}\n', { shortcodes: { note: "{% render 'part' %}", part: 'A' } });
    expect(holds(deps, context({ shortcodes: { note: "{% render 'part' %}", part: 'B' } }))).toBe(false);
  });

  it('the post a reference names, and the site values an output read', () => {
    const { deps } = render('[a]({% post_url 2014-01-01-welcome %}) {{ site.title }}\n');
    expect(holds(deps, context())).toBe(true);
    expect(holds(deps, context({ postPaths: new Map([[`${CONTENT}/posts/2014-01-01-welcome.md`, 'posts/moved/']]) }))).toBe(false);
    expect(holds(deps, context({ site: { title: 'Renamed', description: 'About things' } }))).toBe(false);
  });

  it('nothing when the body uses none', () => {
    expect(render('Plain *text*.\n').deps).toEqual([]);
  });
});

describe('what markdown gets', () => {
  it('keeps a raw block literal and drops markers inside code', () => {
    const { html } = render('```\n{% raw %}\n{{ x }}\n{% endraw %}\n```\n');
    expect(body(html)).toContain('<code><span class="line"><span>{{ x }}</span></span></code>');
  });

  it('leaves no placeholder where markdown takes no HTML', () => {
    const { html } = render('[a]({{< youtube abc >}}) ![{{< vimeo 1 >}}](https://example.org/b.png)\n');
    expect(html).not.toContain('shortcode');
    expect(html).toContain('<a href="">a</a>');
  });

  it("leaves a JSX attribute's object to MDX", () => {
    const { messages, html } = render('<div style={{ color: "red" }}>x</div>\n');
    expect(messages).toEqual([]);
    // A .md post has no JSX: the HTML parser reads it as it can, but the braces reach it untouched.
    expect(html).toContain('style="{{"');
  });

  it('prints escaped shortcodes as shortcodes, in code too', () => {
    expect(render('`{{</* x */>}}`\n').html).toBe('<p><code>{{&#x3C; x >}}</code></p>');
  });
});
