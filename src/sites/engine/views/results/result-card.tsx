import type { Listing, SiteDefinition } from '../../site-definition.js';
import { money } from '../format.js';
import { SEARCH_RESULTS } from './links.js';

/** The select link's accessible name: the title plus the subtitle, so same-named listings (one show on three dates) differ. */
export function selectLinkName(site: SiteDefinition, l: Listing): string {
  return l.subtitle ? `${site.wording.selectButton}: ${l.title} — ${l.subtitle}` : `${site.wording.selectButton}: ${l.title}`;
}

export function listingHref(l: Listing, queryString: string, base = SEARCH_RESULTS.listings): string {
  return `${base}/${encodeURIComponent(l.id)}?${queryString}`;
}

/** "Details" of a result: a button with aria-expanded over a region; open without a script, closed by it. */
function DetailsAccordion({ l, index }: { l: Listing; index: number }) {
  const id = `details-${index}`;
  return (
    <div class="accordion" data-accordion>
      <h4 class="accordion-head">
        <button type="button" id={`${id}-button`} aria-expanded="true" aria-controls={id}>
          Details<span class="vh">{` of ${l.title}${l.subtitle ? ` — ${l.subtitle}` : ''}`}</span>
        </button>
      </h4>
      <div id={id} role="region" aria-labelledby={`${id}-button`} class="accordion-panel">
        <dl class="facts">
          {l.details!.map((d) => (
            <>
              <dt>{d.label}</dt>
              <dd>{d.value}</dd>
            </>
          ))}
        </dl>
      </div>
    </div>
  );
}

/** One result. `index` is its place in the sorted results (stable ids across loaded batches). */
export function ResultCard({ site, l, queryString, index, listings }: { site: SiteDefinition; l: Listing; queryString: string; index: number; listings?: string }) {
  const href = listingHref(l, queryString, listings);
  return (
    <li class={`listing${l.soldOut ? ' sold-out' : ''}`} data-index={String(index)}>
      <article aria-label={l.title}>
        <h3>{l.soldOut ? l.title : <a href={href}>{l.title}</a>}</h3>
        {l.subtitle ? <p class="subtitle">{l.subtitle}</p> : null}
        {l.badges && l.badges.length > 0 ? <p class="badges">{l.badges.join(' · ')}</p> : null}
        <p class="facts">{l.facts.map((f) => `${f.label}: ${f.value}`).join(' · ')}</p>
        <p class="price">
          {l.soldOut ? (
            <strong>Sold out</strong>
          ) : (
            <>
              {l.price === 0 ? <strong>No charge</strong> : <><strong>{money(l.price, site.currency)}</strong> {l.priceUnit}</>}{' '}
              <a class="button" href={href} aria-label={selectLinkName(site, l)}>
                {site.wording.selectButton}
              </a>
            </>
          )}
        </p>
        {site.layout.detailsAccordion && l.details && l.details.length > 0 ? <DetailsAccordion l={l} index={index} /> : null}
      </article>
    </li>
  );
}
