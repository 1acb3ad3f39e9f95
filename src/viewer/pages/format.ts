/** How the pages and the report print numbers: the precision of `webfoundry stats`. */
export const fix = (x: number, digits = 2) => x.toFixed(digits);
export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
export const int = (x: number) => x.toLocaleString('en-US');

/** URL-safe segment. */
export const seg = (s: string) => encodeURIComponent(s);

export const runUrl = (run: string) => `/runs/${seg(run)}`;
export const episodesUrl = (run: string, q: Record<string, string | number | undefined> = {}) => {
  const qs = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();
  return `/runs/${seg(run)}/episodes${qs ? `?${qs}` : ''}`;
};
export const episodeUrl = (run: string, id: string) => `/runs/${seg(run)}/episodes/${seg(id)}`;
export const stepUrl = (run: string, id: string, step: number) => `${episodeUrl(run, id)}/steps/${step}`;
export const screenshotUrl = (run: string, id: string, step: number) => `${episodeUrl(run, id)}/steps/${step}/screenshot`;
export const apiUrl = (path: string) => `/api/v1${path}`;
