/** What lists show about a body without holding it: its reading time, and whether the excerpt is all of it. */

/** Reading time at ~220 words a minute, at least one. */
export function readingMinutes(html: string): number {
  const text = html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / 220));
}

/** The excerpt is shorter than the post, so a "read more" link makes sense. */
export function hasMore(excerptHtml: string, html: string): boolean {
  return excerptHtml.trim() !== html.trim();
}
