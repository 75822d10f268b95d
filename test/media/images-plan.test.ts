/** The widths offered for an image: the ladder up to the column at 2× (1450 px), never wider than the original. */
import { describe, expect, it } from 'vitest';
import { widthsFor } from '../../src/media/image-plan.ts';

describe('widths of the resized copies', () => {
  it.each([
    [2400, [480, 800, 1200, 1450]],
    [1450, [480, 800, 1200, 1450]],
    [1300, [480, 800, 1200]],
    [1000, [480, 800, 1000]],
    [820, [480, 800]],
    [480, [480]],
    [479, []],
  ])('%i px wide: %j', (width, widths) => {
    expect(widthsFor(width)).toEqual(widths);
  });
});
