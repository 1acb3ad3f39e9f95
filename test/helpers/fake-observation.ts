import { OBSERVATION_SCHEMA_VERSION, type Observation } from '../../src/core/schemas/observation.js';

/** An observation as the env would give it, without a browser: for policy tests. */
export function fakeObservation(over: Partial<Observation> = {}): Observation {
  const axtree = over.axtree ?? '[1] heading "SkyHop"\n[12] button "Search flights"\n[13] button "Accept cookies"';
  return {
    schemaVersion: OBSERVATION_SCHEMA_VERSION,
    url: 'http://skyhop.localhost:1/',
    title: 'SkyHop',
    tabs: [{ index: 0, url: 'http://skyhop.localhost:1/', title: 'SkyHop' }],
    activeTab: 0,
    mode: 'viewport',
    axtree,
    focusedBid: null,
    scroll: { x: 0, y: 0, viewportWidth: 1280, viewportHeight: 720, pageWidth: 1280, pageHeight: 2000 },
    lastActionError: null,
    tokens: { method: 'chars/3.2', tokens: Math.ceil(axtree.length / 3.2) },
    ...over,
  };
}
