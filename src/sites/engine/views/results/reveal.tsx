import type { Revealed } from '../../results.js';

/** Numbered pages, with Previous and Next. `link(p)` is page p's URL. */
export function Pagination({ page, pages, link }: { page: number; pages: number; link: (p: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pagination">
      {page > 1 ? <a href={link(page - 1)}>Previous</a> : null}
      {Array.from({ length: pages }, (_, i) => i + 1).map((p) =>
        p === page ? (
          <span aria-current="page">{`Page ${p}`}</span>
        ) : (
          <a href={link(p)} aria-label={`Page ${p}`}>
            {String(p)}
          </a>
        ),
      )}
      {page < pages ? <a href={link(page + 1)}>Next</a> : null}
    </nav>
  );
}

export const LOAD_MORE = 'Load more results';
export const SHOW_MORE = 'Show more results';

/**
 * The way to the next batch with load more or infinite scroll: a link to the same results with
 * more shown, which works without a script; the page's script instead fetches the batch from
 * `/search/more` and appends it (on click, or for infinite scroll when the link scrolls into view).
 */
export function RevealMore({ kind, shown, href, moreHref }: { kind: 'loadMore' | 'infinite'; shown: Revealed<unknown>; href: string; moreHref: string }) {
  if (shown.next === undefined) return <p class="end-of-results">{"You've reached the end of the results."}</p>;
  return (
    <p class={`reveal-more reveal-${kind}`}>
      <a class={kind === 'loadMore' ? 'button' : 'show-more'} href={href} data-more={moreHref} data-reveal={kind} data-from={String(shown.revealed)}>
        {kind === 'loadMore' ? LOAD_MORE : SHOW_MORE}
      </a>
    </p>
  );
}

/** "Showing 16 of 42 results": updated by the script as batches arrive (a polite live region). */
export function revealedText(revealed: number, filtered: number, all: number): string {
  const of = filtered === all ? `${filtered} results` : `${filtered} results (${all} before filters)`;
  return revealed >= filtered ? `Showing all ${of}` : `Showing ${revealed} of ${of}`;
}
