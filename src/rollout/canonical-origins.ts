/** The port trajectories name the sites at: `webfoundry serve`'s default. */
export const CANONICAL_PORT = 8080;

/**
 * `value` with every site origin of a server on `port` (http://<site>.localhost:<port>) written
 * at the canonical port instead. A run's server listens on whatever port is free, and URLs are
 * in what is stored (each step's URL, the final URL, actions such as goto): without this, one
 * seed would give another dataset on every run.
 */
export function canonicalOrigins<T>(value: T, port: number): T {
  if (port === CANONICAL_PORT) return value;
  const origin = new RegExp(`(//[a-z0-9-]+\\.localhost):${port}(?![0-9])`, 'g');
  return JSON.parse(JSON.stringify(value).replace(origin, `$1:${CANONICAL_PORT}`)) as T;
}
