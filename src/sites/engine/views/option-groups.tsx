import { longDate } from '../../../core/dates.js';
import type { Choice, OptionGroup, SiteDefinition } from '../site-definition.js';
import { optionInputName, quantityInputName } from '../flow.js';
import { money } from './format.js';

/** What a visitor has picked so far on a listing page, to show it again after an error. */
export type Chosen = { choices: Record<string, string[]>; quantities: Record<string, number> };

const priceText = (site: SiteDefinition, c: Choice) => (c.soldOut ? (c.unavailableLabel ?? 'Sold out') : c.price === 0 ? 'included' : money(c.price, site.currency));

/** A radio per choice: fares, rooms, sections, delivery. */
function RadioGroup({ site, g, chosen, error }: { site: SiteDefinition; g: OptionGroup; chosen: string[]; error?: string }) {
  const name = optionInputName(g.id);
  return (
    <fieldset class={`options options-${g.display}`} id={`f-${name}`}>
      <legend>{g.label}</legend>
      {error ? <p class="field-error">{error}</p> : null}
      {g.choices.map((c) => (
        <label class={`choice${c.soldOut ? ' sold-out' : ''}`}>
          <input type="radio" name={name} value={c.id} checked={chosen.includes(c.id)} disabled={c.soldOut} required />
          <span class="choice-label">{c.label}</span>
          {c.description ? <span class="choice-desc">{` — ${c.description}`}</span> : null}
          <span class="choice-price">{c.soldOut ? ` — ${c.unavailableLabel ?? 'Sold out'}` : c.price === 0 ? '' : ` — ${money(c.price, site.currency)}`}</span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Seats by row: a checkbox per seat whose name says where it is and what it costs ("Row 7 seat
 * C, aisle, €12"); taken seats are shown disabled. One seat per traveller. Rows are ordered by
 * the number in `row` and named by `rowName` when the seats carry one. A map of which one is
 * chosen for the whole party (a cruise's cabins by deck, `pick: 'one'`) has a radio per place,
 * and its rows say what they are (`rowLabel`: "Deck 9").
 */
function SeatMap({ site, g, chosen, error, travellers }: { site: SiteDefinition; g: OptionGroup; chosen: string[]; error?: string; travellers: number }) {
  const name = optionInputName(g.id);
  const rows = [...new Set(g.choices.map((c) => Number(c.attrs.row)))].sort((a, b) => a - b);
  // A row goes by its own name when the seats give one (cinemas letter their rows: "F").
  const rowName = (row: number) => String(g.choices.find((c) => Number(c.attrs.row) === row)?.attrs.rowName ?? row);
  const rowLabel = (row: number) => {
    const own = g.choices.find((c) => Number(c.attrs.row) === row)?.attrs.rowLabel;
    return own === undefined ? `Row ${rowName(row)}` : String(own);
  };
  const one = g.pick !== 'per-traveller';
  return (
    <fieldset class="options options-seatmap" id={`f-${name}`}>
      <legend>{one ? `${g.label}: choose one` : `${g.label}: choose ${travellers} (one per traveller)`}</legend>
      {error ? <p class="field-error">{error}</p> : null}
      <div class={one ? 'seatmap deckplan' : 'seatmap'} role="group" aria-label={one ? 'Deck plan' : 'Seat map'}>
        {rows.map((row) => (
          <div class="seat-row" role="group" aria-label={rowLabel(row)}>
            <span class="row-number" aria-hidden="true">{rowName(row)}</span>
            {g.choices
              .filter((c) => Number(c.attrs.row) === row)
              .map((c) => (
                <label class={`seat${c.soldOut ? ' taken' : ''}`} title={c.label}>
                  <input type={one ? 'radio' : 'checkbox'} name={name} value={c.id} checked={chosen.includes(c.id)} disabled={c.soldOut} aria-label={`${c.label}, ${c.soldOut ? 'taken' : priceText(site, c)}`} />
                  <span aria-hidden="true">{String(c.attrs.letter ?? c.id)}</span>
                </label>
              ))}
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Days as columns and times as rows: a radio per free slot, booked slots shown but disabled. */
function SlotGrid({ site, g, chosen, error }: { site: SiteDefinition; g: OptionGroup; chosen: string[]; error?: string }) {
  const name = optionInputName(g.id);
  const days = [...new Set(g.choices.map((c) => String(c.attrs.day)))].sort();
  const times = [...new Set(g.choices.map((c) => String(c.attrs.time)))].sort();
  return (
    <fieldset class="options options-slots" id={`f-${name}`}>
      <legend>{g.label}</legend>
      {error ? <p class="field-error">{error}</p> : null}
      <table class="slot-grid">
        <thead>
          <tr>
            <th scope="col">Time</th>
            {days.map((d) => (
              <th scope="col">{longDate(d).replace(/, \d{4}$/, '')}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {times.map((t) => (
            <tr>
              <th scope="row">{t}</th>
              {days.map((d) => {
                const c = g.choices.find((x) => String(x.attrs.day) === d && String(x.attrs.time) === t);
                if (!c) return <td />;
                return (
                  <td>
                    <label class={`slot${c.soldOut ? ' booked' : ''}`}>
                      <input type="radio" name={name} value={c.id} checked={chosen.includes(c.id)} disabled={c.soldOut} aria-label={`${c.label}${c.soldOut ? ', booked' : c.price > 0 ? `, ${money(c.price, site.currency)}` : ''}`} />
                      <span aria-hidden="true">{c.soldOut ? 'Booked' : t}</span>
                    </label>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

/**
 * A day as a timeline per lane (a court): lanes as rows, start times left to right, each free
 * start a radio whose name says when and what it costs; taken starts are shown greyed.
 */
function Timeline({ site, g, chosen, error }: { site: SiteDefinition; g: OptionGroup; chosen: string[]; error?: string }) {
  const name = optionInputName(g.id);
  const lanes = [...new Set(g.choices.map((c) => String(c.attrs.lane ?? g.label)))];
  const times = [...new Set(g.choices.map((c) => String(c.attrs.time)))].sort();
  return (
    <fieldset class="options options-timeline" id={`f-${name}`}>
      <legend>{g.label}</legend>
      {error ? <p class="field-error">{error}</p> : null}
      <div class="timeline" role="group" aria-label="Timeline">
        <div class="timeline-scale" aria-hidden="true">
          <span class="lane-name" />
          {times.map((t) => (
            <span class="tick">{t.endsWith(':00') ? t : ''}</span>
          ))}
        </div>
        {lanes.map((lane) => (
          <div class="timeline-lane" role="group" aria-label={lane}>
            <span class="lane-name" aria-hidden="true">{lane}</span>
            {times.map((t) => {
              const c = g.choices.find((x) => String(x.attrs.lane ?? g.label) === lane && String(x.attrs.time) === t);
              if (!c) return <span class="block closed" aria-hidden="true" />;
              return (
                <label class={`block${c.soldOut ? ' taken' : ''}`} title={c.label}>
                  <input type="radio" name={name} value={c.id} checked={chosen.includes(c.id)} disabled={c.soldOut} aria-label={`${c.label}, ${priceText(site, c)}`} />
                  <span aria-hidden="true">{c.soldOut ? '×' : t}</span>
                </label>
              );
            })}
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** A number field per choice (ticket types): how many of each, at least one in all. */
function Quantities({ site, g, quantities, error }: { site: SiteDefinition; g: OptionGroup; quantities: Record<string, number>; error?: string }) {
  const max = g.maxQuantity ?? 10;
  return (
    <fieldset class="options options-quantities" id={`f-${optionInputName(g.id)}`}>
      <legend>{g.label}</legend>
      {error ? <p class="field-error">{error}</p> : null}
      {g.choices.map((c) => {
        const name = quantityInputName(g.id, c.id);
        return (
          <div class={`quantity${c.soldOut ? ' sold-out' : ''}`} data-stepper="">
            <label for={`f-${name}`}>{c.price === 0 && !c.soldOut ? `${c.label} (free)` : `${c.label} (${priceText(site, c)} each)`}</label>
            {c.description ? <span class="choice-desc">{c.description}</span> : null}
            <input id={`f-${name}`} type="number" name={name} min={0} max={c.soldOut ? 0 : max} value={String(quantities[`${g.id}/${c.id}`] ?? 0)} disabled={c.soldOut} />
          </div>
        );
      })}
    </fieldset>
  );
}

/** An option group as its display says. */
export function OptionGroupControl(props: { site: SiteDefinition; g: OptionGroup; chosen: Chosen; error?: string; travellers: number }) {
  const { site, g, chosen, error } = props;
  const picked = chosen.choices[g.id] ?? [];
  if (g.display === 'seatmap') return <SeatMap site={site} g={g} chosen={picked} error={error} travellers={props.travellers} />;
  if (g.display === 'slots') return <SlotGrid site={site} g={g} chosen={picked} error={error} />;
  if (g.display === 'timeline') return <Timeline site={site} g={g} chosen={picked} error={error} />;
  if (g.display === 'quantities') return <Quantities site={site} g={g} quantities={chosen.quantities} error={error} />;
  return <RadioGroup site={site} g={g} chosen={picked} error={error} />;
}
