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

/** An id another generator gives one of the body's headings (see foreign-ids.ts), where it is not ours. */
export interface ForeignId {
  /** The other generator's id (`what-s-next`). */
  from: string;
  /** Ours (`whats-next`). */
  id: string;
  /** The heading's text, for messages. */
  text: string;
  /** The rules (slug-rules.ts ids) that give `from`. */
  rules: string[];
}

/** Where the fragment of a link (the `urls` entry at `index`) is written in the file, for `check --fix`. */
export interface FragmentFact {
  index: number;
  /** Where the fragment is written, without its `#`. */
  place: Position;
  /** The fragment as written there. */
  written: string;
}

/** Everything the rules need from one post's text and rendered body, with source positions. */
export interface CheckFacts extends TextFacts {
  urls: UrlFact[];
  images: ImageFact[];
  /** Every id in the body: heading ids (heading-ids.ts), raw HTML ids, `<a name>`. */
  ids: Set<string>;
  /** Other generators' ids for the headings, where they differ from ours. */
  foreignIds: ForeignId[];
  /** Where fragments that name no id of this body are written: in-page ones that may be another generator's, and every cross-page one. */
  fragments: FragmentFact[];
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
