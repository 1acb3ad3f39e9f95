import type { Review } from '../../chrome/content.js';

/** What customers say about booking on the site: quotes without scores, so nothing competes with a listing's own rating. */
export function Reviews({ siteName, reviews }: { siteName: string; reviews: Review[] }) {
  if (reviews.length === 0) return null;
  return (
    <aside class="wfc-reviews" aria-labelledby="wfc-reviews-h">
      <h2 id="wfc-reviews-h">{`What customers say about ${siteName}`}</h2>
      <ul>
        {reviews.map((r) => (
          <li>
            <p>{`“${r.text}”`}</p>
            <p class="muted">{`${r.author} · ${r.when}`}</p>
          </li>
        ))}
      </ul>
    </aside>
  );
}
