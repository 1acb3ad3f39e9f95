/**
 * Where a site may redirect: a path on itself, never a scheme-relative URL. A path that starts
 * with "//" (or "/\", which browsers read the same way) is another host to a browser:
 * `Location: //127.0.0.1:9/x` leaves the site. Leading slashes and backslashes collapse to one.
 */
export function localPath(pathAndQuery: string): string {
  return `/${pathAndQuery.replace(/^[/\\]+/, '')}`;
}

/**
 * The page a form came from, as a local path to return to: the Referer's path and query on this
 * site, whatever host it names, or "/" when there is none or it is not a URL.
 */
export function backTo(referer: string | undefined, self: string): string {
  if (!referer) return '/';
  try {
    const u = new URL(referer, self);
    return localPath(u.pathname + u.search);
  } catch {
    return '/';
  }
}
