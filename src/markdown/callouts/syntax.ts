/**
 * remark plugin: parse `:::name` container directives, as Docusaurus 3 does (it uses
 * remark-directive), plus its older `:::name Title` form (see space-titles.ts). Only processors for
 * posts whose text has `:::` load it (see processor.ts): no directive can start without one.
 *
 * Only the container construct is registered, not the text (`:name`) and leaf (`::name`)
 * directives that come with it: those would read `a:b` or `Note:this` as directives, and putting
 * their source back as text could not give what the post renders as without them (a label's
 * `**bold**` and escapes would stay raw). Without them, such text is untouched by construction.
 */
import { directiveFromMarkdown } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import type { Processor } from 'unified';
import { parseWithSpaceTitles, type Parse } from './space-titles.ts';

type MicromarkExtension = ReturnType<typeof directive>;

/** micromark's container construct alone: of the two flow constructs at `:`, the one that is `concrete` (the leaf is not). */
function containerOnly(): MicromarkExtension {
  const constructs = [directive().flow?.[58] ?? []].flat().filter((construct) => construct.concrete === true);
  if (constructs.length !== 1) throw new Error('micromark-extension-directive changed: its container construct is not the one concrete construct at ":"');
  return { flow: { 58: constructs } };
}

/** Register container directives with the parser and read `:::name Title` lines as `:::name[Title]`. */
export default function remarkCalloutSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(containerOnly());
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
  const parse = this.parser as Parse;
  this.parser = (document, file) => parseWithSpaceTitles(document, file, parse);
}
