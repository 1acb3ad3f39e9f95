/**
 * Numbers as people write them, with their unit: "1,250", "1 250", "1.2k", "€1,250.50",
 * "3,5 km", "2 h 30 min", "twelve". A unit converts only within its dimension (km and m; h and
 * min); each currency is a dimension of its own (no exchange rates: € for $ is a wrong answer).
 */
export type Quantity = { value: number; unit?: string };

type UnitDef = { canonical: string; dimension: string; factor: number };

const UNITS: Record<string, UnitDef> = {};
const unit = (canonical: string, dimension: string, factor: number, ...names: string[]) => {
  for (const n of [canonical, ...names]) UNITS[n.toLowerCase()] = { canonical, dimension, factor };
};
unit('m', 'length', 1, 'meter', 'meters', 'metre', 'metres');
unit('km', 'length', 1000, 'kilometer', 'kilometers', 'kilometre', 'kilometres', 'kms');
unit('mi', 'length', 1609.344, 'mile', 'miles');
unit('min', 'time', 1, 'mins', 'minute', 'minutes');
unit('h', 'time', 60, 'hr', 'hrs', 'hour', 'hours');
unit('day', 'time', 1440, 'days');
unit('EUR', 'EUR', 1, '€', 'euro', 'euros');
unit('USD', 'USD', 1, '$', 'us$', 'dollar', 'dollars');
unit('GBP', 'GBP', 1, '£', 'pound', 'pounds');
unit('CHF', 'CHF', 1, 'franc', 'francs');
unit('%', 'percent', 1, 'percent', 'per cent', 'pct');
unit('star', 'stars', 1, 'stars');
unit('seat', 'seats', 1, 'seats');

export function unitDef(name: string): UnitDef | undefined {
  return UNITS[name.toLowerCase()];
}

const WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};

const MULTIPLIERS: Record<string, number> = { k: 1e3, thousand: 1e3, million: 1e6, mn: 1e6, bn: 1e9, billion: 1e9 };

/** "1,250.5" / "1 250" / "3,5" -> number: a comma or space before exactly three digits groups thousands; a lone comma is a decimal comma. */
function parseNumeral(raw: string): number | undefined {
  let s = raw.replace(/[\u00a0\u202f\u2009 ]/g, ' ').trim();
  if (/^\d{1,3}(?: \d{3})+(?:\.\d+)?$/.test(s)) s = s.replace(/ /g, '');
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  else if (/^\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^\d+(?:\.\d+)?$|^\.\d+$/.test(s)) return undefined;
  return Number(s);
}

const UNIT_NAMES = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/[.*+?^${}()|[\]\\$]/g, '\\$&'))
  .join('|');
const NUMERAL = String.raw`\d{1,3}(?:[ ,\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?`;
const CURRENCY_FIRST = String.raw`€|us\$|\$|£|eur|usd|gbp|chf`;
/** An optional sign and currency, the numeral (never a piece of a longer one), a multiplier, a unit. */
const QUANTITY = new RegExp(
  String.raw`(?<![\p{L}\d.,])(-)?(?:(${CURRENCY_FIRST})\s?)?(${NUMERAL})(?![\d])(?:\s*(k|thousand|million|mn|bn|billion)(?![\p{L}]))?(?:\s*(${UNIT_NAMES})(?![\p{L}]))?`,
  'giu',
);
const COMPOUND_DURATION = /(\d+)\s*(?:h|hr|hrs|hours?)\s*(?:and\s*)?(\d{1,2})\s*(?:m|min|mins|minutes?)?(?![\p{L}\d])/iu;
/** A rating's scale ("8.5/10", "4.2 out of 5") is not a second number. */
const SCALE = /(\d)\s*(?:\/|out of)\s*(?:5|10|100)(?![\d.,])/gi;

/**
 * Every quantity a text states. Words for small numbers count ("three"). A compound duration
 * ("2 h 30 min") is one quantity in minutes.
 */
export function quantitiesIn(raw: string): Quantity[] {
  const text = raw.replace(SCALE, '$1');
  const compound = COMPOUND_DURATION.exec(text);
  if (compound) return [{ value: Number(compound[1]) * 60 + Number(compound[2]), unit: 'min' }];
  const out: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const n = parseNumeral(m[3]!);
    if (n === undefined) continue;
    const mult = m[4] ? MULTIPLIERS[m[4].toLowerCase()]! : 1;
    const u = m[2] ?? m[5];
    const def = u ? unitDef(u) : undefined;
    out.push({ value: (m[1] ? -1 : 1) * n * mult, ...(def ? { unit: def.canonical } : {}) });
  }
  if (out.length === 0) {
    for (const w of text.toLowerCase().split(/[^a-z]+/)) if (w in WORDS) out.push({ value: WORDS[w]! });
  }
  return out;
}

/**
 * The quantity in `target` unit, or why not: a unit of another dimension (or currency) is a
 * wrong answer, a quantity without a unit is read in the unit the question names.
 */
export function convertTo(q: Quantity, target: string | undefined): { value: number } | { problem: string } {
  if (q.unit === undefined || target === undefined) return { value: q.value };
  const from = unitDef(q.unit);
  const to = unitDef(target);
  if (!from || !to) return q.unit.toLowerCase() === target.toLowerCase() ? { value: q.value } : { problem: `unit ${q.unit} is not ${target}` };
  if (from.dimension !== to.dimension) return { problem: `unit ${from.canonical} is not ${to.canonical}` };
  return { value: (q.value * from.factor) / to.factor };
}
