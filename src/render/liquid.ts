/** The LiquidJS engine for pages: escaping on by default, site templates overriding the defaults. */
import { Liquid } from 'liquidjs';
import { formatLongDate } from './date-format.ts';
import { scriptSafeJson } from './jsonld.ts';
import { memoiseRender } from './render-memo.ts';

/**
 * Create the engine. `templateDirs` are searched in order, so a site's own `templates/`
 * listed before the project's defaults overrides single files (`post.liquid`, `base.liquid`, ...).
 * Every `{{ output }}` is HTML-escaped; trusted HTML must say so with `| raw`.
 */
export function createEngine(templateDirs: string[]): Liquid {
  const engine = new Liquid({
    root: templateDirs,
    extname: '.liquid',
    outputEscape: 'escape',
    strictFilters: true,
    cache: true,
  });

  // `{{ post.published.day | date_long }}`; the language defaults to the page's, then the site's.
  engine.registerFilter('date_long', function (value: unknown, language?: unknown) {
    const lang =
      typeof language === 'string'
        ? language
        : (stringAt(this.context.getSync(['page', 'lang'])) ??
          stringAt(this.context.getSync(['site', 'language'])) ??
          'en');
    return formatLongDate(String(value ?? ''), lang);
  });

  // Serialise a value for a `<script type="application/ld+json">` (or any script) body:
  // `<`, `>`, `&` and the JS line separators become \u escapes, so no `</script>` can appear.
  // Output still passes through the default escape unless followed by `| raw`.
  engine.registerFilter('json_ld', (value: unknown) => scriptSafeJson(value ?? null));

  // A post's summary on its home page and its tag pages is one rendering, repeated (render-memo.ts).
  memoiseRender(engine);

  return engine;
}

function stringAt(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
