/**
 * `{% highlight ruby %}…{% endhighlight %}` (Jekyll, Eleventy's syntax highlighter) and Hugo's
 * `{{< highlight go "linenos=table" >}}…{{< /highlight >}}` as a fenced code block, so Shiki
 * highlights it like any other and markdown never reads its inner text. The fences replace the
 * tags on their own lines; a line is added only where code shares a line with a tag.
 */
import type { Expander } from './expand.ts';
import type { Construct } from './scan.ts';

/** A line's rest is blank from here. */
const REST_BLANK = /[ \t]*(?:\r?\n|$)/y;

/** Backtick fences inside the code: ours must be longer, or the first one would close it. */
const INNER_FENCE = /^[ \t]*(`{3,})/gm;

/** Replace `open … close` with a fenced block of `lang`; returns where scanning goes on. */
export function fenceBlock(expander: Expander, open: Construct, close: Construct, lang: string): number {
  const { text } = expander;
  const inner = text.slice(open.end, close.start);
  const longest = Math.max(0, ...[...inner.matchAll(INNER_FENCE)].map((match) => match[1]!.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const info = /^[\w#+.-]*/.exec(lang)![0];
  expander.replace(open.start, open.end, `${startsLine(text, open.start) ? '' : '\n'}${fence}${info}${restBlank(text, open.end) ? '' : '\n'}`);
  expander.expand(open.end, close.start, 'code');
  expander.replace(close.start, close.end, `${startsLine(text, close.start) ? '' : '\n'}${fence}${restBlank(text, close.end) ? '' : '\n'}`);
  return close.end;
}

/** Whether only spaces or tabs come before `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0 && text[i] !== '\n'; i--) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

/** Whether only spaces or tabs follow `offset` on its line. */
export function restBlank(text: string, offset: number): boolean {
  REST_BLANK.lastIndex = offset;
  return REST_BLANK.test(text);
}
