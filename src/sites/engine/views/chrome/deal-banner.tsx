import type { ChromeLink } from '../../chrome/content.js';

/** Searches of the site with their true lowest price, each a link to its results. */
export function DealBanner({ deals }: { deals: ChromeLink[] }) {
  if (deals.length === 0) return null;
  return (
    <aside class="wfc-deals" aria-labelledby="wfc-deals-h">
      <h2 id="wfc-deals-h">Lowest prices right now</h2>
      <ul>
        {deals.map((d) => (
          <li>
            <a href={d.href}>{d.text}</a>
          </li>
        ))}
      </ul>
    </aside>
  );
}
