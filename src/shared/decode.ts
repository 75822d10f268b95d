/** Percent-decoding that never throws: link targets and fragments are written by hand. */

/** Percent-decoded, or as it is when it is not valid percent-encoding (`100%`). */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
