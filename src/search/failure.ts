/** A search index that could not be made, and the message a build reports for it. */
import { VFile } from 'vfile';
import { addMessage } from '../messages.ts';

/** A search index that could not be made: the build fails with this message and `dist/` is left alone. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/** The message a failed index leaves: the build fails (exit 1) and the previous output stays. */
export function searchFailure(error: unknown): VFile {
  const file = new VFile({ path: 'pagefind' });
  const reason = error instanceof SearchIndexError ? error.message : `Search index failed: ${(error as Error)?.message ?? String(error)}`;
  addMessage(file, `${reason} (the previous output is unchanged; \`search: false\` in the site config builds without search)`, {
    ruleId: 'search-index',
    severity: 'error',
  });
  return file;
}
