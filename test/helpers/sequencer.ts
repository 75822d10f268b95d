/**
 * Test files in an order that packs two workers well on a clean clone, where vitest has no timings
 * of earlier runs yet: the few long files (whole builds in child processes) first, so the many
 * short ones fill the other worker around them instead of a long file starting last.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The longest files, longest first (seconds in a whole run on 2 cores: crash ~50, cache ~38, incremental search ~20, search ~14, gfm-subset ~14, unchanged ~12). */
const LONGEST = [
  'test/sites/crash.test.ts',
  'test/sites/cache.test.ts',
  'test/search/incremental.test.ts',
  'test/search/search.test.ts',
  'test/markdown/gfm-subset.test.ts',
  'test/sites/unchanged.test.ts',
];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = LONGEST.findIndex((name) => file.moduleId.endsWith(name));
      return index === -1 ? LONGEST.length : index;
    };
    return sorted.map((file, position) => ({ file, position })).sort((a, b) => rank(a.file) - rank(b.file) || a.position - b.position).map(({ file }) => file);
  }
}
