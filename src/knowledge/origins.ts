import type { OriginApp } from '../sites/engine/origin-app.js';
import { guideOrigin } from './guide/guide-app.js';
import { searchOrigin } from './search/search-app.js';

/** The knowledge web's sites, served beside the booking sites: `startServer({ origins: knowledgeOrigins() })`. */
export function knowledgeOrigins(): readonly OriginApp[] {
  return [guideOrigin, searchOrigin];
}

export const KNOWLEDGE_SITE_IDS = ['guide', 'search'] as const;
