/** What the markdown stage records for the check stage, on `file.data.check`. */
import type { Position } from 'unist';
import type { LinkContext } from '../data.ts';
import type { TextFacts } from './text/facts.ts';

/** One URL attribute of the body, as the author wrote it. */
export interface UrlFact {
  tagName: string;
  attribute: string;
  url: string;
  place?: Position;
}

/** One image of the body and its alt text (undefined when the attribute is missing). */
export interface ImageFact {
  src: string;
  alt?: string;
  place?: Position;
}

/** Everything the rules need from one post's text and rendered body, with source positions. */
export interface CheckFacts extends TextFacts {
  urls: UrlFact[];
  images: ImageFact[];
  /** Every id in the body: heading ids (heading-ids.ts), raw HTML ids, `<a name>`. */
  ids: Set<string>;
  /** The body has a `<!-- truncate -->` or `<!-- more -->` marker. */
  marker: boolean;
  /** Words of body text, to tell a long post from a short one. */
  words: number;
  /** How the link plugin resolved this post's URLs, so the check resolves them the same way. */
  links: LinkContext;
}

declare module 'vfile' {
  interface DataMap {
    /** Set by the markdown stage (src/check/collect.ts); read by the check stage. */
    check: CheckFacts;
  }
}
