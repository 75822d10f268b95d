/**
 * What counts as an absolute URL in the config and the theme, in one place: the validator, the
 * theme's asset links and the view's hrefs must agree, or a `javascript:` "path" passes the
 * validator and the view emits it unchanged.
 */

/** `https://…`, `http://…` or protocol-relative `//host/…`: a file another server serves. */
export function isAbsoluteHttpUrl(url: string): boolean {
  if (!/^(?:https?:)?\/\//i.test(url)) return false;
  return URL.canParse(url.startsWith('//') ? `https:${url}` : url);
}

/** Whether `url` starts with a scheme (`javascript:`, `data:`, `mailto:`, `https:`). */
export function hasScheme(url: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(url);
}

/** A link out of the site a nav entry may hold: an http(s) URL or a `mailto:` address. */
export function isExternalLink(url: string): boolean {
  return isAbsoluteHttpUrl(url) || (/^mailto:/i.test(url) && URL.canParse(url));
}

/** `a/b.png?x#y` → the path `a/b.png` and what follows it, `?x#y`. */
export function splitUrl(url: string): { pathname: string; suffix: string } {
  const index = url.search(/[?#]/);
  return index === -1 ? { pathname: url, suffix: '' } : { pathname: url.slice(0, index), suffix: url.slice(index) };
}

/** `localhost` or a `*.localhost` name (lower case): browsers resolve them to this machine themselves. */
export function isLocalhostName(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost');
}
