import type { ListingDetail, SiteDefinition } from '../site-definition.js';
import { optionInputName } from '../flow.js';
import { OptionGroupControl, type Chosen } from './option-groups.js';
import { ErrorSummary } from './layout.js';

export function ListingPage(props: {
  site: SiteDefinition;
  detail: ListingDetail;
  action: string;
  backHref: string;
  chosen: Chosen;
  /** Travellers of the search: a seat map asks for one seat each. */
  travellers: number;
  errors: Record<string, string>;
}) {
  const { site, detail } = props;
  const l = detail.listing;
  return (
    <article class="listing-detail">
      <p>
        <a href={props.backHref}>Back to results</a>
      </p>
      <h1>{l.title}</h1>
      {l.subtitle ? <p class="subtitle">{l.subtitle}</p> : null}
      {l.badges && l.badges.length > 0 ? <p class="badges">{l.badges.join(' · ')}</p> : null}
      <dl class="facts">
        {detail.facts.map((f) => (
          <>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </>
        ))}
      </dl>
      {detail.description.map((p) => (
        <p>{p}</p>
      ))}
      <ErrorSummary errors={props.errors} />
      {l.soldOut ? (
        <p class="notice" role="status">
          This option is sold out for your search. Go back to choose another.
        </p>
      ) : (
        <form method="post" action={props.action} class="choose-form" novalidate>
          {detail.optionGroups.map((g) => (
            <OptionGroupControl site={site} g={g} chosen={props.chosen} error={props.errors[optionInputName(g.id)]} travellers={props.travellers} />
          ))}
          <button type="submit" class="primary">
            {site.wording.continueButton}
          </button>
        </form>
      )}
    </article>
  );
}
