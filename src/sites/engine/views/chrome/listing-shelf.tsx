import type { ChromeLink } from '../../chrome/content.js';

/** A named shelf of listings (recommended, recently viewed), each a link to its listing page. */
function Shelf({ id, heading, links }: { id: string; heading: string; links: ChromeLink[] }) {
  if (links.length === 0) return null;
  return (
    <aside class="wfc-shelf" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{heading}</h2>
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.href}>{l.text}</a>
          </li>
        ))}
      </ul>
    </aside>
  );
}

export function Recommended({ heading, links }: { heading: string; links: ChromeLink[] }) {
  return <Shelf id="wfc-recommended" heading={heading} links={links} />;
}

export function RecentlyViewed({ links }: { links: ChromeLink[] }) {
  return <Shelf id="wfc-recent" heading="Recently viewed" links={links} />;
}
