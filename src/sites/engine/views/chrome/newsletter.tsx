/** The newsletter sign-up: a real form that the engine answers (chrome/routes.tsx). */
export const NEWSLETTER_FIELD = 'newsletter_email';

export function Newsletter({ pitch, value, error }: { pitch: string; value?: string; error?: string }) {
  return (
    <section class="wfc-newsletter" aria-labelledby="wfc-newsletter-h">
      <h2 id="wfc-newsletter-h">Get our newsletter</h2>
      <p>{pitch}</p>
      <form method="post" action="/newsletter" novalidate>
        <label for="wfc-newsletter-email">Email for the newsletter</label>
        <input
          id="wfc-newsletter-email"
          type="email"
          name={NEWSLETTER_FIELD}
          autocomplete="email"
          value={value ?? ''}
          {...(error ? { 'aria-invalid': 'true' as const, 'aria-describedby': 'wfc-newsletter-err' } : {})}
        />
        <button type="submit">Subscribe</button>
        {error ? (
          <p class="field-error" id="wfc-newsletter-err">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  );
}
