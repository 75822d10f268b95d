/** `empty-url`: an href or src that leads nowhere: empty, `//` with no host, or a `javascript:` URL. */
import { quote } from '../../messages.ts';
import type { PostCheck } from '../context.ts';

/** Why a URL leads nowhere, or undefined when it is a real URL. */
function problem(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '') return 'is empty: it leads nowhere';
  if (/^\/{2,}$/.test(trimmed)) return 'has no host: it leads nowhere';
  // Browsers strip tabs and newlines from URLs, so `java\tscript:` runs too.
  if (/^javascript:/i.test(trimmed.replace(/[\t\n\r]/g, ''))) return 'runs script instead of linking';
  return undefined;
}

/** Report empty, host-less and `javascript:` URLs in the body. */
export function checkEmptyUrls({ facts, report }: PostCheck): void {
  for (const fact of facts?.urls ?? []) {
    const why = problem(fact.url);
    if (why !== undefined) report('empty-url', `<${fact.tagName} ${fact.attribute}=${quote(fact.url)}> ${why}`, fact.place);
  }
}
