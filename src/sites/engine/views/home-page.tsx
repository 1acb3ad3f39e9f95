import type { SiteDefinition } from '../site-definition.js';
import { ErrorSummary } from './layout.js';
import { SearchFieldControl } from './fields.js';

export function SearchForm(props: { site: SiteDefinition; values: Record<string, string>; errors: Record<string, string> }) {
  const { site, values, errors } = props;
  return (
    <form class="search-form" method="get" action="/search" role="search" aria-label={site.wording.searchButton} novalidate>
      <div class="search-fields">
        {site.searchFields.map((f) => (
          <SearchFieldControl field={f} value={values[f.name] ?? ''} error={errors[f.name]} />
        ))}
      </div>
      <button type="submit" class="primary">
        {site.wording.searchButton}
      </button>
    </form>
  );
}

export function HomePage(props: { site: SiteDefinition; values: Record<string, string>; errors: Record<string, string> }) {
  const { site } = props;
  const labels = Object.fromEntries(site.searchFields.map((f) => [f.name, f.label]));
  return (
    <section class="hero">
      <div class="hero-text">
        <h1>{site.tagline}</h1>
      </div>
      <div class="hero-form">
        <ErrorSummary errors={props.errors} labels={labels} />
        <SearchForm {...props} />
      </div>
    </section>
  );
}
