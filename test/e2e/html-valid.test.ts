/**
 * Every HTML page of the built sample blog passes the W3C Nu HTML Checker (vnu-jar, run with the
 * machine's Java) with zero errors. A failure lists each error as `file:line: message`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSample, type ServedSample } from './sample-site.ts';
import { vnu, vnuErrors } from './vnu.ts';

let site: ServedSample;

beforeAll(async () => {
  site = await serveSample();
});

afterAll(async () => {
  await site?.close();
});

describe('W3C Nu HTML Checker', () => {
  it('finds no error on any page of the sample blog', async () => {
    const pages = site.files.filter((file) => file.endsWith('.html'));
    expect(pages).toEqual(expect.arrayContaining(['index.html', '404.html', 'search/index.html', 'archive/index.html']));
    const errors = vnuErrors(await vnu(site.out), site.out);
    expect(errors.join('\n'), `${errors.length} HTML errors`).toBe('');
  });
});
