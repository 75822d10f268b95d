/** The unit render/ hands to output/: one file, not yet written. */

/** A file to write, `path` relative to the output root with `/` separators (`tags/x/rss.xml`). */
export interface OutputFile {
  path: string;
  contents: string;
}
