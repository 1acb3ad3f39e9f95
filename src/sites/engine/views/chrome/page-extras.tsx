import type { ChromeContent } from '../../chrome/content.js';
import type { SiteDefinition } from '../../site-definition.js';
import { DealBanner } from './deal-banner.js';
import { Faq } from './faq.js';
import { Recommended, RecentlyViewed } from './listing-shelf.js';
import { Reviews } from './reviews.js';
import { Trust } from './trust.js';

/**
 * What a page carries after its main content, in this order: the task's controls come first in
 * the document (and so in any observation cut to a budget), the surrounding content after.
 */
export function PageExtras({ site, content }: { site: SiteDefinition; content: ChromeContent }) {
  const c = content;
  return (
    <div class="wfc-extras">
      <Recommended heading={c.recommendedHeading} links={c.recommended} />
      <RecentlyViewed links={c.recent} />
      <DealBanner deals={c.deals} />
      <Trust siteName={site.name} points={c.trust} />
      <Reviews siteName={site.name} reviews={c.reviews} />
      <Faq entries={c.faq} />
    </div>
  );
}
