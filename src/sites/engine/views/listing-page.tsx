import type { ListingDetail, OptionGroup, SiteDefinition } from '../site-definition.js';
import { optionInputName } from '../flow.js';
import { ErrorSummary } from './layout.js';
import { money } from './format.js';

function Group({ site, g, chosen, error }: { site: SiteDefinition; g: OptionGroup; chosen: string | undefined; error?: string }) {
  const name = optionInputName(g.id);
  return (
    <fieldset class={`options options-${g.display}`} id={`f-${name}`}>
      <legend>{g.label}</legend>
      {error ? <p class="field-error">{error}</p> : null}
      {g.choices.map((c) => (
        <label class={`choice${c.soldOut ? ' sold-out' : ''}`}>
          <input type="radio" name={name} value={c.id} checked={chosen === c.id} disabled={c.soldOut} required />
          <span class="choice-label">{c.label}</span>
          {c.description ? <span class="choice-desc">{` — ${c.description}`}</span> : null}
          <span class="choice-price">{c.soldOut ? ` — ${c.unavailableLabel ?? 'Sold out'}` : c.price === 0 ? '' : ` — ${money(c.price, site.currency)}`}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function ListingPage(props: {
  site: SiteDefinition;
  detail: ListingDetail;
  action: string;
  backHref: string;
  chosen: Record<string, string>;
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
            <Group site={site} g={g} chosen={props.chosen[g.id]} error={props.errors[optionInputName(g.id)]} />
          ))}
          <button type="submit" class="primary">
            {site.wording.continueButton}
          </button>
        </form>
      )}
    </article>
  );
}
