/**
 * Which posts to read as MDX. `.mdx` files always (Astro, Docusaurus). `.md` files only when they
 * use MDX: Docusaurus 3 reads every `.md` as MDX by default, so its posts hold `<Tabs>`, `{/* … *\/}`
 * and `import` lines, while a Hugo or Jekyll post must keep CommonMark's meaning (indented code,
 * `{` as text). The signs count outside code only, so a React post's examples do not make it MDX.
 */

/**
 * What MDX adds that a post uses: a component, an MDX comment, an ESM line. A first, cheap sieve.
 * A component's name is PascalCase (`<Tabs>`, `<TabItem>`): all-capital tags are old HTML
 * (`<BR>`, `<A HREF>`) or prose (`Option<T>`), which Markdown reads as it always did.
 */
const SIGNS = /<[A-Z][A-Za-z\d]*[a-z]|\{\/\*|^(?:import|export)\s|mdx-code-block/m;

/** An `import`/`export` line as MDX's ESM blocks write it, not a sentence that starts with "import". */
const ESM = /^(?:import\s+(?:['"]|[\w*{][^'"\n]*\bfrom\s*['"])|export\s+(?:const|let|var|function|async|class|default|\{|\*))/;

/** A component tag or an MDX comment within one line. */
const INLINE_SIGNS = /<[A-Z][A-Za-z\d]*[a-z]|\{\/\*/;

/** A fence opening or closing a code block (up to three spaces in). */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Whether a file is MDX by its name. */
export function isMdxPath(file: string): boolean {
  return /\.mdx$/i.test(file);
}

/** Whether a Markdown post's text uses MDX outside its code blocks and code spans. */
export function usesMdx(text: string): boolean {
  if (!SIGNS.test(text)) return false;
  let fence: string | undefined;
  let blockStart = true;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const marker = FENCE.exec(line);
    if (fence !== undefined) {
      if (marker && marker[1]![0] === fence[0] && marker[1]!.length >= fence.length && marker[2]!.trim() === '') fence = undefined;
      continue;
    }
    // A backtick fence's info string cannot hold a backtick; otherwise it is code in a line.
    if (marker && !(marker[1]![0] === '`' && marker[2]!.includes('`'))) {
      // Docusaurus unwraps these fences and reads their content as MDX.
      if (/^\s*mdx-code-block\b/.test(marker[2]!)) return true;
      fence = marker[1]!;
      continue;
    }
    const blank = line.trim() === '';
    // Indented code (after a blank line), or more text of it.
    if (/^(?: {4}|\t)/.test(line) && blockStart) continue;
    if ((blockStart && ESM.test(line)) || INLINE_SIGNS.test(line.replace(/(`+)[^`]*?\1/g, ''))) return true;
    blockStart = blank;
  }
  return false;
}
