import type { Hono } from 'hono';
import { WORLD_TODAY } from '../../../core/dates.js';
import { ErrorSummary } from '../views/layout.js';
import { MessagePage, PriceTable } from '../views/booking-pages.js';
import { FORM_TOKEN } from '../book-token.js';
import { bookEpisode, checkToken, currentToken } from './book.js';
import { formBody, type C, type Env, type FlowStep, type StepKit } from './kit.js';
import { priceOfEpisode } from './pricing.js';
import { nothingSelected } from './shared.js';

/**
 * The test bank every site's payment step uses (documented in the README): these cards are
 * declined with the bank's reason; any other card that passes the checks real sites make (Luhn,
 * expiry in the future, a 3- or 4-digit CVC, a billing postcode) is accepted.
 */
export const DECLINED_CARDS: Record<string, string> = {
  '4000000000000002': 'Your card was declined.',
  '4000000000009995': 'Your card has insufficient funds.',
  '4000000000000069': 'Your card has expired.',
};
export const TEST_CARDS = { accepted: ['4242424242424242', '5555555555554444'], declined: Object.keys(DECLINED_CARDS) };

/** The Luhn checksum every card number carries. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

type CardErrors = Record<string, string>;

/** The card form's checks, as real sites make them before asking the bank. */
export function checkCard(body: Record<string, string>): { errors: CardErrors; digits: string } {
  const errors: CardErrors = {};
  const digits = (body.cardNumber ?? '').replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) errors.cardNumber = 'Enter a valid card number';
  if (!/\p{L}/u.test(body.cardName ?? '')) errors.cardName = 'Enter the name on the card';
  const m = /^(\d{2})\s*\/\s*(\d{2})$/.exec((body.expiry ?? '').trim());
  const month = m ? Number(m[1]) : 0;
  const year = m ? 2000 + Number(m[2]) : 0;
  const [ty, tm] = WORLD_TODAY.split('-').map(Number) as [number, number];
  if (!m || month < 1 || month > 12) errors.expiry = 'Enter the expiry date as MM/YY';
  else if (year < ty || (year === ty && month < tm)) errors.expiry = 'This card has expired';
  if (!/^\d{3,4}$/.test((body.cvc ?? '').trim())) errors.cvc = 'Enter the 3 or 4 digits on the back of the card';
  if ((body.postcode ?? '').trim().length < 3) errors.postcode = 'Enter the billing postcode';
  return { errors, digits };
}

function CardField({ name, label, value, error, autocomplete, inputmode }: { name: string; label: string; value: string; error?: string; autocomplete: string; inputmode?: 'numeric' }) {
  return (
    <div class="field" id={`f-${name}`}>
      <label for={`pay-${name}`}>{label}</label>
      <input id={`pay-${name}`} name={name} value={value} autocomplete={autocomplete} inputmode={inputmode} aria-invalid={error ? 'true' : undefined} />
      {error ? <p class="field-error">{error}</p> : null}
    </div>
  );
}

/**
 * Payment by card after the review: the card form, checked as real sites do; the test bank
 * accepts or declines (a declined payment books nothing and says why). Every attempt is recorded
 * (the card's last four digits only); an accepted one books and leads to the confirmation.
 */
export const paymentStep = (): FlowStep => ({
  id: 'payment',
  entry: '/payment',
  label: () => 'Payment',
  meta: { payment: true },
  register(app: Hono<Env>, kit: StepKit) {
    const { site, world } = kit;
    const page = (c: C, values: Record<string, string>, errors: CardErrors, declined?: string, status?: 409) => {
      const price = priceOfEpisode(kit.site, kit.world, c.get('state'));
      if (!price) return nothingSelected(kit, c);
      return kit.render(
        c,
        'payment',
        'Payment',
        <div class="payment">
          <h1>Payment</h1>
          {declined ? (
            <div class="error-summary" role="alert">
              <h2>Payment declined</h2>
              <p>{`${declined} Nothing was booked. Try another card.`}</p>
            </div>
          ) : null}
          <ErrorSummary errors={errors} />
          <PriceTable price={price} />
          <form method="post" action="/payment" novalidate>
            <input type="hidden" name={FORM_TOKEN} value={currentToken(c)} />
            <CardField name="cardNumber" label="Card number" value={values.cardNumber ?? ''} error={errors.cardNumber} autocomplete="cc-number" inputmode="numeric" />
            <CardField name="cardName" label="Name on card" value={values.cardName ?? ''} error={errors.cardName} autocomplete="cc-name" />
            <CardField name="expiry" label="Expiry date (MM/YY)" value={values.expiry ?? ''} error={errors.expiry} autocomplete="cc-exp" />
            <CardField name="cvc" label="Security code (CVC)" value="" error={errors.cvc} autocomplete="cc-csc" inputmode="numeric" />
            <CardField name="postcode" label="Billing postcode" value={values.postcode ?? ''} error={errors.postcode} autocomplete="postal-code" />
            <button type="submit" class="primary">{`Pay ${new Intl.NumberFormat('en-GB', { style: 'currency', currency: price.currency }).format(price.total)} and book`}</button>
          </form>
        </div>,
        status ?? (Object.keys(errors).length > 0 || declined ? 422 : 200),
      );
    };

    const ready = (c: C): string | undefined => {
      const state = c.get('state');
      if (!state.selection) return '/';
      if (!state.form?.accepted) return kit.pathOf('details') ?? '/details';
      if (!state.form.termsAccepted) return kit.pathOf('review') ?? '/review';
      return kit.blocked(c, 'payment');
    };

    app.get('/payment', (c) => {
      const go = ready(c);
      return go ? c.redirect(go, 303) : page(c, {}, {});
    });

    app.post('/payment', async (c) => {
      const state = c.get('state');
      const body = await formBody(c);
      // The same payment posted again (double click, resend) is not charged twice: it gets the booking it made.
      const token = checkToken(c, body);
      if (token.kind === 'earlier') return c.redirect(`/confirmation/${token.reference}`, 303);
      const go = ready(c);
      if (go) return c.redirect(go, 303);
      if (token.kind === 'stale') return page(c, {}, { payment: 'The booking changed since this page was shown: check the total and pay again' }, undefined, 409);
      const { errors, digits } = checkCard(body);
      const values = { cardName: body.cardName ?? '', expiry: body.expiry ?? '', postcode: body.postcode ?? '', cardNumber: body.cardNumber ?? '' };
      if (Object.keys(errors).length > 0) return page(c, values, errors);
      const price = priceOfEpisode(site, world, state);
      if (!price) return nothingSelected(kit, c);
      const last4 = digits.slice(-4);
      const declined = DECLINED_CARDS[digits];
      state.payments.push({ seq: state.requests, last4, amount: price.total, outcome: declined ? 'declined' : 'accepted', ...(declined ? { reason: declined } : {}) });
      if (declined) return page(c, { ...values, cardNumber: '' }, {}, declined);
      const booking = bookEpisode(kit, c, token.token, { payment: { last4, amount: price.total } });
      if (!booking) return kit.render(c, 'payment', 'Unavailable', <MessagePage heading="This offer is no longer available" body="Nothing was charged. Start a new search." />, 409);
      // The checkout is over: paying again (a resubmitted form) goes back to the review, never straight to a second charge.
      if (state.form) state.form.termsAccepted = false;
      return c.redirect(`/confirmation/${booking.reference}`, 303);
    });
  },
});
