import { Rng } from '../../core/rng.js';
import type { Attrs } from '../../core/schemas/episode-state.js';
import type { Choice, OptionGroup } from '../engine/site-definition.js';
import type { Cabin, Flight } from './domain.js';

/** Each cabin's rows and seat letters; the first row of a cabin and the exit row have extra legroom. */
const CABIN_PLAN: Record<Cabin, { rows: number[]; letters: string[]; exitRow?: number }> = {
  business: { rows: [1, 2, 3, 4], letters: ['A', 'C', 'D', 'F'] },
  premium: { rows: [6, 7, 8, 9], letters: ['A', 'B', 'C', 'D', 'E', 'F'] },
  economy: { rows: [11, 12, 13, 14, 15, 16, 17, 18, 19, 20], letters: ['A', 'B', 'C', 'D', 'E', 'F'], exitRow: 15 },
};

/** What a seat costs, by cabin and position; business seats are included in the fare. */
const SEAT_PRICE: Record<Cabin, Record<Position, number>> = {
  economy: { window: 12, aisle: 10, middle: 6 },
  premium: { window: 8, aisle: 8, middle: 5 },
  business: { window: 0, aisle: 0, middle: 0 },
};
const LEGROOM_SUPPLEMENT = 15;

type Position = 'window' | 'aisle' | 'middle';

function positionOf(letters: string[], letter: string): Position {
  const i = letters.indexOf(letter);
  if (i === 0 || i === letters.length - 1) return 'window';
  // The aisle runs down the middle: the seats either side of it.
  return i === letters.length / 2 - 1 || i === letters.length / 2 ? 'aisle' : 'middle';
}

/**
 * The seat map of a flight's cabin: every seat of the cabin with its row, letter, position, price
 * and whether it is taken (deterministic per flight and cabin; fuller cabins on fuller flights).
 */
export function seatChoices(f: Flight, cabin: Cabin): Choice[] {
  const plan = CABIN_PLAN[cabin];
  const rng = new Rng(`seats/${f.id}/${cabin}`);
  const all = plan.rows.length * plan.letters.length;
  // Roughly as many seats are free on the map as the flight has left in the cabin (never fewer than 4).
  const free = Math.min(all, Math.max(4, f.seatsLeft[cabin] ?? 0));
  const freeIds = new Set(rng.sample(plan.rows.flatMap((r) => plan.letters.map((l) => `${r}${l}`)), free));
  return plan.rows.flatMap((row) =>
    plan.letters.map((letter) => {
      const position = positionOf(plan.letters, letter);
      const legroom = row === plan.rows[0] || row === plan.exitRow;
      const price = SEAT_PRICE[cabin][position] + (legroom && cabin !== 'business' ? LEGROOM_SUPPLEMENT : 0);
      return {
        id: `${row}${letter}`,
        label: `Row ${row} seat ${letter}, ${position}${legroom ? ', extra legroom' : ''}`,
        price,
        soldOut: !freeIds.has(`${row}${letter}`),
        unavailableLabel: 'taken',
        attrs: { row, letter, seat: `${row}${letter}`, seatPosition: position, legroom, seatPrice: price },
      };
    }),
  );
}

/** Whether seats sit side by side: one row, consecutive letters, the aisle not between them. */
export function seatsTogether(seats: readonly { row: number; letter: string }[], letters: readonly string[]): boolean {
  if (seats.length < 2) return true;
  if (new Set(seats.map((s) => s.row)).size > 1) return false;
  const idx = seats.map((s) => letters.indexOf(s.letter)).sort((a, b) => a - b);
  const half = letters.length / 2;
  return idx.every((x, k) => k === 0 || (x === idx[k - 1]! + 1 && !(idx[k - 1]! === half - 1 && x === half)));
}

/** The facts of the seats chosen together: which, where, whether side by side, and what they cost. */
function seatFacts(cabin: Cabin) {
  return (picked: { choice: Choice }[]): Attrs => {
    const seats = picked.map((p) => ({ row: Number(p.choice.attrs.row), letter: String(p.choice.attrs.letter), position: String(p.choice.attrs.seatPosition), legroom: p.choice.attrs.legroom === true, price: p.choice.price }));
    return {
      seats: seats.map((s) => `${s.row}${s.letter}`),
      seatCount: seats.length,
      windowSeats: seats.filter((s) => s.position === 'window').length,
      aisleSeats: seats.filter((s) => s.position === 'aisle').length,
      legroomSeats: seats.filter((s) => s.legroom).length,
      seatsTogether: seatsTogether(seats, CABIN_PLAN[cabin].letters),
      seatFees: Math.round(seats.reduce((n, s) => n + s.price, 0) * 100) / 100,
    };
  };
}

/** The seat map option group of a flight: one seat per passenger. */
export function seatGroup(f: Flight, cabin: Cabin): OptionGroup {
  return { id: 'seats', label: 'Seats', display: 'seatmap', pick: 'per-traveller', choices: seatChoices(f, cabin), aggregate: seatFacts(cabin) };
}
