import { formatDuration } from '../../core/dates.js';
import type { World } from '../../world/world.js';
import type { Attrs, Choice, FilterSpec, Listing, ListingDetail, OptionGroup, SearchParams, SortSpec } from '../engine/site-definition.js';
import { screeningById, screeningsIn, seatsOf, type Screening, type Seat } from './inventory.js';

/** Results and listing pages: the screenings of a city on a day, and a seat map for each. */

export const PREMIUM_SUPPLEMENT = 4;
export const FORMAT_LABELS: Record<string, string> = { standard: '2D', '3d': '3D', imax: 'IMAX', dolby: 'Dolby Atmos' };
const CLASS_WORDS: Record<Seat['seatClass'], string> = { standard: '', premium: ', premium recliner', wheelchair: ', wheelchair space' };

export const tickets = (p: SearchParams) => Number(p.tickets ?? 2);

function seatPrice(s: Screening, seat: Seat): number {
  return seat.seatClass === 'premium' ? s.standardPrice + PREMIUM_SUPPLEMENT : s.standardPrice;
}

function toListing(world: World, s: Screening, p: SearchParams): Listing {
  const open = seatsOf(world, s).filter((x) => !x.taken).length;
  const few = open > 0 && open <= 12;
  return {
    id: s.id,
    title: s.film.title,
    subtitle: `${s.time} · ${s.cinema.name} · Screen ${s.screen.number} · ${FORMAT_LABELS[s.format]}`,
    badges: [...(few ? [`Only ${open} seats left`] : []), ...(s.format !== 'standard' ? [FORMAT_LABELS[s.format]!] : [])],
    facts: [
      { label: 'Runtime', value: formatDuration(s.film.runtimeMin) },
      { label: 'Rated', value: s.film.ageRating },
      { label: 'Audience score', value: `${s.film.score.toFixed(1)}/10` },
      { label: 'Ends', value: s.endTime },
    ],
    price: s.standardPrice,
    priceUnit: 'per standard seat',
    soldOut: open < tickets(p),
    attrs: {
      film: s.film.title,
      genre: s.film.genre,
      ageRating: s.film.ageRating,
      runtimeMin: s.film.runtimeMin,
      filmScore: s.film.score,
      cinema: s.cinema.name,
      neighbourhood: s.cinema.neighbourhood,
      screen: s.screen.number,
      format: s.format,
      startTime: s.time,
      endTime: s.endTime,
      standardPrice: s.standardPrice,
      price: s.standardPrice,
      seatsLeft: open,
      // "Recommended": the day's programme in time order, popular films first among shows at one time.
      rank: Number(s.time.replace(':', '')) * 10 - Math.round(s.film.demand * 3),
    },
  };
}

function seatChoice(s: Screening, seat: Seat): Choice {
  return {
    id: seat.id,
    label: `Row ${seat.rowName} seat ${seat.number}${CLASS_WORDS[seat.seatClass]}`,
    price: seatPrice(s, seat),
    soldOut: seat.taken,
    unavailableLabel: 'Taken',
    attrs: { row: seat.row, rowName: seat.rowName, letter: String(seat.number), seat: seat.id, seatClass: seat.seatClass, seatPrice: seatPrice(s, seat) },
  };
}

/**
 * The facts of the seats picked together: which seats, their class (or "mixed"), their row (or
 * "several rows"), whether they sit side by side, and the highest price paid for one of them.
 */
export function seatFacts(picked: { choice: Choice; quantity: number }[]): Attrs {
  const seats = picked.map((p) => p.choice.attrs);
  const classes = [...new Set(seats.map((a) => String(a.seatClass)))];
  const rows = [...new Set(seats.map((a) => String(a.rowName)))];
  const numbers = seats.map((a) => Number(a.letter)).sort((a, b) => a - b);
  const together = rows.length === 1 && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
  return {
    seats: seats.map((a) => String(a.seat)),
    seatsCount: seats.length,
    seatClass: classes.length === 1 ? classes[0]! : 'mixed',
    premiumSeats: seats.filter((a) => a.seatClass === 'premium').length,
    wheelchairSpaces: seats.filter((a) => a.seatClass === 'wheelchair').length,
    seatRow: rows.length === 1 ? rows[0]! : 'several rows',
    seatsTogether: together,
    ticketPrice: Math.max(...seats.map((a) => Number(a.seatPrice))),
  };
}

function seatGroup(world: World, s: Screening): OptionGroup {
  return { id: 'seats', label: 'Seats', display: 'seatmap', pick: 'per-traveller', choices: seatsOf(world, s).map((seat) => seatChoice(s, seat)), aggregate: seatFacts };
}

export function search(world: World, p: SearchParams): Listing[] {
  return screeningsIn(world, String(p.city), String(p.date)).map((s) => toListing(world, s, p));
}

export function detail(world: World, p: SearchParams, id: string): ListingDetail | undefined {
  const s = screeningById(world, id);
  if (!s || s.cinema.cityId !== p.city || s.date !== p.date) return undefined;
  const listing = toListing(world, s, p);
  return {
    listing,
    description: [
      `${s.film.title} (${s.film.ageRating}, ${formatDuration(s.film.runtimeMin)}) at ${s.cinema.name}, ${s.cinema.neighbourhood}. Screen ${s.screen.number}, ${FORMAT_LABELS[s.format]}.`,
      `Premium recliners in the back rows cost ${PREMIUM_SUPPLEMENT} more per seat. Wheelchair spaces are at the end of row A.`,
    ],
    facts: [
      { label: 'Starts', value: s.time },
      { label: 'Ends', value: s.endTime },
      { label: 'Cinema', value: `${s.cinema.name} (${s.cinema.neighbourhood})` },
      { label: 'Genre', value: s.film.genre },
      ...listing.facts,
      { label: 'At this cinema', value: [s.cinema.bar ? 'bar' : '', s.cinema.parking ? 'parking' : ''].filter(Boolean).join(', ') || 'no bar or parking' },
    ],
    optionGroups: [seatGroup(world, s)],
  };
}

export function whyUnavailable(world: World, p: SearchParams, id: string): string | undefined {
  const s = screeningById(world, id);
  if (!s) return 'We could not find this screening. Go back to the showtimes to choose another.';
  if (s.cinema.cityId !== p.city || s.date !== p.date) return 'This screening is not on the day or in the city you searched. Go back to the showtimes.';
  return undefined;
}

export const filters: FilterSpec[] = [
  { id: 'film', kind: 'multi', attr: 'film', label: 'Film', mode: 'any' },
  { id: 'cinema', kind: 'multi', attr: 'cinema', label: 'Cinema', mode: 'any' },
  {
    id: 'format',
    kind: 'multi',
    attr: 'format',
    label: 'Format',
    mode: 'any',
    options: Object.entries(FORMAT_LABELS).map(([value, label]) => ({ value, label })),
  },
  { id: 'genre', kind: 'multi', attr: 'genre', label: 'Genre', mode: 'any' },
  {
    id: 'start',
    kind: 'timeWindow',
    attr: 'startTime',
    label: 'Starts',
    windows: [
      { value: 'matinee', label: 'Before 17:00', from: '00:00', to: '16:59' },
      { value: 'evening', label: '17:00-20:59', from: '17:00', to: '20:59' },
      { value: 'late', label: '21:00 or later', from: '21:00', to: '23:59' },
    ],
  },
];

export const sorts: SortSpec[] = [
  { id: 'time', label: 'By start time', attr: 'rank', dir: 'asc' },
  { id: 'price', label: 'Cheapest first', attr: 'price', dir: 'asc' },
  { id: 'score', label: 'Best rated film', attr: 'filmScore', dir: 'desc' },
  { id: 'runtime', label: 'Shortest film', attr: 'runtimeMin', dir: 'asc' },
];
