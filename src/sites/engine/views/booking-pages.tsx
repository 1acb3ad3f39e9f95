import type { Booking, PriceBreakdown, SelectionState } from '../../../core/schemas/episode-state.js';
import type { Extra, PersonField, SiteDefinition } from '../site-definition.js';
import { contactInputName, extraInputName, travellerInputName } from '../forms.js';
import { ErrorSummary } from './layout.js';
import { ExtraControl, PersonFieldControl } from './fields.js';
import { money } from './format.js';

export function PriceTable({ price }: { price: PriceBreakdown }) {
  return (
    <table class="price-table">
      <caption>Price details</caption>
      <tbody>
        {price.lines.map((l) => (
          <tr>
            <th scope="row">{l.label}</th>
            <td>{money(l.amount, price.currency)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td>
            <output id="total" aria-live="polite">
              {money(price.total, price.currency)}
            </output>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function SelectionSummary({ selection }: { selection: SelectionState }) {
  return (
    <section class="summary" aria-label="Your selection">
      <h2>{selection.title}</h2>
      <ul>
        {selection.options.map((o) => (
          <li>{o.label}</li>
        ))}
      </ul>
    </section>
  );
}

export type DetailsView = {
  site: SiteDefinition;
  selection: SelectionState;
  travellerCount: number;
  extras: { extra: Extra; unitTotal: number }[];
  values: Record<string, string>;
  errors: Record<string, string>;
  price: PriceBreakdown;
  /** The total without add-ons: app.js adds the checked ones live. */
  baseTotal: number;
};

function Fields({ fields, nameOf, values, errors }: { fields: PersonField[]; nameOf: (f: string) => string; values: Record<string, string>; errors: Record<string, string> }) {
  return (
    <>
      {fields.map((f) => (
        <PersonFieldControl field={f} name={nameOf(f.name)} value={values[nameOf(f.name)] ?? ''} error={errors[nameOf(f.name)]} />
      ))}
    </>
  );
}

/** The pages of a details wizard, in order. */
export type DetailsPart = 'travellers' | 'contact' | 'extras';

export function DetailsPage(v: DetailsView & { wizard?: { part: DetailsPart; parts: DetailsPart[]; labels: Record<DetailsPart, string> } }) {
  const { site } = v;
  const shows = (p: DetailsPart) => !v.wizard || v.wizard.part === p;
  const at = v.wizard ? v.wizard.parts.indexOf(v.wizard.part) : -1;
  const lastPage = !v.wizard || at === v.wizard.parts.length - 1;
  return (
    <div class="checkout">
      <h1>{site.wording.detailsHeading}</h1>
      {v.wizard ? (
        <p class="wizard-progress" role="status">
          {`Step ${at + 1} of ${v.wizard.parts.length}: ${v.wizard.labels[v.wizard.part]}`}
        </p>
      ) : null}
      <SelectionSummary selection={v.selection} />
      <ErrorSummary errors={v.errors} />
      <form method="post" action="/details" novalidate data-live-total={v.baseTotal} data-currency={v.price.currency}>
        {v.wizard ? <input type="hidden" name="wizard_part" value={v.wizard.part} /> : null}
        {!shows('travellers') ? null : Array.from({ length: v.travellerCount }, (_, k) => k + 1).map((i) => (
          <fieldset class="traveller">
            <legend>{site.wording.travellerLabel(i)}</legend>
            <Fields fields={site.travellerFields} nameOf={(f) => travellerInputName(i, f)} values={v.values} errors={v.errors} />
          </fieldset>
        ))}
        {shows('contact') ? (
          <fieldset class="contact">
            <legend>Contact details</legend>
            <Fields fields={site.contactFields} nameOf={contactInputName} values={v.values} errors={v.errors} />
          </fieldset>
        ) : null}
        {v.extras.length > 0 && shows('extras') ? (
          <fieldset class="extras">
            <legend>Add-ons</legend>
            {v.extras.map(({ extra, unitTotal }) => (
              <ExtraControl
                extra={extra}
                name={extraInputName(extra.id)}
                qty={Number(v.values[extraInputName(extra.id)] || 0)}
                unitTotal={unitTotal}
                currency={v.price.currency}
                error={v.errors[extraInputName(extra.id)]}
              />
            ))}
          </fieldset>
        ) : null}
        <PriceTable price={v.price} />
        {v.wizard && at > 0 ? (
          <button type="submit" name="nav" value="back" class="secondary">
            Back
          </button>
        ) : null}
        <button type="submit" name="nav" value="next" class="primary">
          {lastPage ? 'Continue to review' : 'Next'}
        </button>
      </form>
    </div>
  );
}

/** What is being booked, as the review and confirmation pages list it: every fact a task can check. */
export type BookingSummaryView = {
  facts: { field: string; label: string; value: string }[];
  travellers: string[];
  /** The site's name for each of them ("Passenger 2", "Lead guest", "Main driver"). */
  travellerLabels: string[];
  contact: { label: string; value: string }[];
  extras: string[];
};

function BookingSummary({ summary, heading }: { summary: BookingSummaryView; heading: string }) {
  return (
    <section class="booking-summary" aria-label={heading}>
      <h2>{heading}</h2>
      <dl class="facts">
        {summary.facts.map((f) => (
          <>
            <dt>{f.label}</dt>
            <dd data-fact={f.field}>{f.value}</dd>
          </>
        ))}
        {summary.travellers.map((t, i) => (
          <>
            <dt>{summary.travellerLabels[i]}</dt>
            <dd>{t}</dd>
          </>
        ))}
        {summary.contact.map((c) => (
          <>
            <dt>{c.label}</dt>
            <dd>{c.value}</dd>
          </>
        ))}
        <dt>Add-ons</dt>
        <dd>{summary.extras.length ? summary.extras.join(', ') : 'None'}</dd>
      </dl>
    </section>
  );
}

export function ReviewPage(props: {
  site: SiteDefinition;
  selection: SelectionState;
  /** The other items of the booking (a return leg, a hotel, more tickets). */
  items: readonly SelectionState[];
  summary: BookingSummaryView;
  price: PriceBreakdown;
  error?: string;
  /** What accepting the terms does: book, or continue to payment. */
  button: string;
  /** The review as it stands (book-token.ts): the same form posted twice books once. */
  formToken: string;
}) {
  return (
    <div class="review">
      <h1>Review your booking</h1>
      <SelectionSummary selection={props.selection} />
      {props.items.map((it) => (
        <SelectionSummary selection={it} />
      ))}
      <BookingSummary summary={props.summary} heading="Booking details" />
      <p>
        <a href="/details">Edit details</a>
      </p>
      <PriceTable price={props.price} />
      {props.error ? <ErrorSummary errors={{ terms: props.error }} /> : null}
      <form method="post" action="/book" novalidate>
        <input type="hidden" name="form_token" value={props.formToken} />
        <div class="field">
          <label class="check" id="f-terms">
            <input type="checkbox" name="terms" value="accepted" required aria-invalid={props.error ? 'true' : undefined} />
            I accept the terms and conditions and the cancellation policy
          </label>
        </div>
        <button type="submit" class="primary">
          {props.button}
        </button>
      </form>
    </div>
  );
}

export function ConfirmationPage({ site, booking, summary }: { site: SiteDefinition; booking: Booking; summary: BookingSummaryView }) {
  return (
    <div class="confirmation">
      <h1>{site.wording.confirmationHeading}</h1>
      <p class="reference" role="status">
        Booking reference: <strong>{booking.reference}</strong>
      </p>
      <p>{booking.title}</p>
      <ul>
        {booking.options.map((o) => (
          <li>{o.quantity !== undefined ? `${o.label} × ${o.quantity}` : o.label}</li>
        ))}
      </ul>
      {booking.items.map((it) => (
        <>
          <p>{it.title}</p>
          <ul>
            {it.options.map((o) => (
              <li>{o.quantity !== undefined ? `${o.label} × ${o.quantity}` : o.label}</li>
            ))}
          </ul>
        </>
      ))}
      <BookingSummary summary={summary} heading="What you booked" />
      <PriceTable price={booking.price} />
      <p>{`Total paid: ${money(booking.price.total, booking.price.currency)}`}</p>
      <p>{`A confirmation has been sent to ${booking.contact.email ?? 'your email address'}.`}</p>
      <p>
        <a href="/">Make another booking</a>
      </p>
    </div>
  );
}

export function BookingsPage({ bookings }: { bookings: Booking[] }) {
  return (
    <div>
      <h1>My bookings</h1>
      {bookings.length === 0 ? (
        <p>You have no bookings yet.</p>
      ) : (
        <ul>
          {bookings.map((b) => (
            <li>
              <a href={`/confirmation/${b.reference}`}>{`${b.reference}: ${b.title}`}</a>
              {` — ${money(b.price.total, b.price.currency)}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function MessagePage({ heading, body }: { heading: string; body: string }) {
  return (
    <div class="message">
      <h1>{heading}</h1>
      <p>{body}</p>
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </div>
  );
}
