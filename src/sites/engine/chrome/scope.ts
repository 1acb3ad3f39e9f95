import { AsyncLocalStorage } from 'node:async_hooks';
import type { SiteEpisodeState } from '../../../core/schemas/episode-state.js';
import type { World } from '../../../world/world.js';
import type { SiteDefinition } from '../site-definition.js';

/**
 * The request a page is being rendered for, as the content around the task needs it: the site,
 * the world, the URL (which search, which listing) and the episode's state. The page layout
 * reads it here rather than through props, so the flow's handlers render pages exactly as
 * before; `registerChrome` (routes.tsx) opens the scope for every request of a site.
 */
export type ChromeScope = {
  site: SiteDefinition;
  world: World;
  url: URL;
  /** Read when the page renders: the episode middleware sets the state after the scope opens. */
  state: () => SiteEpisodeState | undefined;
};

const storage = new AsyncLocalStorage<ChromeScope>();

export function runInChromeScope<T>(scope: ChromeScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The request being rendered, or undefined outside one (a view rendered on its own, in a test). */
export function currentChromeScope(): ChromeScope | undefined {
  return storage.getStore();
}
