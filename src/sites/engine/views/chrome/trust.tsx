/** Why book here, as true statements about the pages: what checkout pages carry instead of deals. */
export function Trust({ siteName, points }: { siteName: string; points: string[] }) {
  if (points.length === 0) return null;
  return (
    <aside class="wfc-trust" aria-labelledby="wfc-trust-h">
      <h2 id="wfc-trust-h">{`Why book with ${siteName}`}</h2>
      <ul>
        {points.map((p) => (
          <li>{p}</li>
        ))}
      </ul>
    </aside>
  );
}
