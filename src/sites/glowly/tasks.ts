import { cityName } from '../engine/city-search.js';
import type { Candidate, TaskCatalogue, Target } from '../kit/task-catalogue.js';
import { afterPhrases, beforePhrases, clauses, datePhrases, indefinite, roundUpNice, sentences } from '../kit/phrasing.js';
import type { Category } from './domain.js';

/**
 * Glowly (salons and spas): which treatment, where and on which day (the day of the appointment
 * booked, not the day the search starts from); the service; then who (a named person, a level,
 * a language, a woman or a man, a rating, a neighbourhood), the time of day, how long it takes
 * and what it costs; add-ons such as a hair treatment come from the site's extras.
 */

const num = (t: Target, k: string) => Number(t.attrs[k]);
const str = (t: Target, k: string) => String(t.attrs[k]);

const CATEGORY_PHRASES: Record<Category, { id: string; text: string }[]> = {
  hair: [{ id: 'salon', text: 'at a hair salon' }, { id: 'haircut', text: 'for my hair' }],
  colour: [{ id: 'colour', text: 'to get my hair coloured' }, { id: 'colourist', text: 'with a colourist' }],
  massage: [{ id: 'massage', text: 'for a massage' }, { id: 'spa', text: 'at a spa for a massage' }],
  facial: [{ id: 'facial', text: 'for a skin treatment' }, { id: 'beauty', text: 'with a beauty therapist' }],
  nails: [{ id: 'nails', text: 'to get my nails done' }, { id: 'tech', text: 'with a nail technician' }],
};
const LEVEL_WORDS: Record<string, string> = { junior: 'a junior (they are cheaper)', senior: 'a senior', master: 'a master' };

function candidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const category = String(t.params.category) as Category;
  const city = str(t, 'city');
  const day = str(t, 'date');
  out.push({ role: 'key', constraint: { id: 'category', kind: 'exact', stage: 'search', field: 'category', value: category }, phrases: clauses('category', CATEGORY_PHRASES[category]) });
  out.push({ role: 'key', constraint: { id: 'city', kind: 'exact', stage: 'search', field: 'city', value: city }, phrases: clauses('city', [{ id: 'in', text: `in ${cityName(city)}` }]) });
  out.push({ role: 'key', constraint: { id: 'day', kind: 'exact', stage: 'selection', field: 'date', value: day }, phrases: clauses('day', datePhrases(day)) });
  const service = str(t, 'service');
  out.push({ role: 'core', constraint: { id: 'service', kind: 'exact', stage: 'selection', field: 'service', value: service }, phrases: sentences('service', [{ id: 'want', text: `The service I want is: ${service}.` }, { id: 'book', text: `Make it ${indefinite(service)} ${service}.` }]) });

  // Who.
  const name = str(t, 'staff');
  out.push({ role: 'refine', constraint: { id: 'staff', kind: 'exact', stage: 'selection', field: 'staff', value: name }, phrases: sentences('staff', [{ id: 'with', text: `I want it with ${name}.` }, { id: 'usual', text: `${name} always does mine, so book ${name}.` }]), matchesListing: (l) => l.attrs.staff === name });
  const level = str(t, 'level');
  out.push({ role: 'refine', constraint: { id: 'level', kind: 'exact', stage: 'selection', field: 'level', value: level }, phrases: sentences('level', [{ id: 'level', text: `It should be ${LEVEL_WORDS[level]} ${category === 'massage' || category === 'facial' ? 'therapist' : category === 'nails' ? 'technician' : 'stylist'}.` }]), matchesListing: (l) => l.attrs.level === level });
  const languages = Array.isArray(t.attrs.languages) ? t.attrs.languages.map(String) : [];
  const foreign = languages.filter((l) => l !== 'English');
  const lang = foreign.length > 0 ? foreign[foreign.length - 1]! : 'English';
  out.push({ role: 'refine', constraint: { id: 'language', kind: 'set', stage: 'selection', field: 'languages', mode: 'includes_all', values: [lang] }, phrases: clauses('language', [{ id: 'speaks', text: `with someone who speaks ${lang}` }]), matchesListing: (l) => Array.isArray(l.attrs.languages) && l.attrs.languages.includes(lang) });
  const gender = str(t, 'gender');
  out.push({ role: 'refine', constraint: { id: 'gender', kind: 'exact', stage: 'selection', field: 'gender', value: gender }, phrases: sentences('gender', [{ id: 'prefer', text: `I'd prefer ${gender === 'female' ? 'a woman' : 'a man'} to do it.` }]), matchesListing: (l) => l.attrs.gender === gender });
  const rating = num(t, 'rating');
  if (rating >= 4) {
    const min = rating >= 4.5 ? 4.5 : 4;
    out.push({ role: 'refine', constraint: { id: 'rating-min', kind: 'range', stage: 'selection', field: 'rating', min }, phrases: clauses('rating-min', [{ id: 'rated', text: `with someone rated ${min.toFixed(1)} stars or more` }, { id: 'reviews', text: `with reviews of at least ${min.toFixed(1)} out of 5` }]), matchesListing: (l) => Number(l.attrs.rating) >= min });
  }
  const area = str(t, 'neighbourhood');
  out.push({ role: 'refine', constraint: { id: 'neighbourhood', kind: 'exact', stage: 'selection', field: 'neighbourhood', value: area }, phrases: sentences('neighbourhood', [{ id: 'near', text: `The salon should be in ${area}.` }, { id: 'close', text: `I live near ${area}, so a salon there please.` }]), matchesListing: (l) => l.attrs.neighbourhood === area });

  // When, how long, how much.
  const time = str(t, 'time');
  const h = Number(time.slice(0, 2));
  if (h < 13) {
    const before = `${String(h + 1).padStart(2, '0')}:00`;
    out.push({ role: 'refine', constraint: { id: 'time-before', kind: 'time_window', stage: 'selection', field: 'time', before }, phrases: clauses('time-before', beforePhrases(before, 'starting')) });
  } else {
    const after = `${String(h).padStart(2, '0')}:00`;
    out.push({ role: 'refine', constraint: { id: 'time-after', kind: 'time_window', stage: 'selection', field: 'time', after }, phrases: clauses('time-after', afterPhrases(after, 'starting')) });
  }
  out.push({ role: 'refine', constraint: { id: 'time', kind: 'exact', stage: 'selection', field: 'time', value: time }, phrases: clauses('time', [{ id: 'at', text: `at ${time}` }, { id: 'start', text: `starting at ${time}` }]) });
  const minutes = num(t, 'durationMin');
  if (minutes <= 90) {
    const max = minutes <= 30 ? 30 : minutes <= 60 ? 60 : 90;
    out.push({ role: 'refine', constraint: { id: 'duration-max', kind: 'range', stage: 'selection', field: 'durationMin', max }, phrases: sentences('duration-max', [{ id: 'time', text: `I only have ${max === 90 ? 'an hour and a half' : max === 60 ? 'an hour' : 'half an hour'}, so the service can take no longer.` }, { id: 'minutes', text: `It must not take more than ${max} minutes.` }]) });
  }
  const cap = roundUpNice(num(t, 'servicePrice'));
  out.push({ role: 'refine', constraint: { id: 'price-max', kind: 'range', stage: 'selection', field: 'servicePrice', max: cap }, phrases: sentences('price-max', [{ id: 'spend', text: `I don't want to spend more than €${cap} on the service.` }, { id: 'budget', text: `My budget for the service is €${cap}.` }]) });
  return out;
}

export const glowlyTasks: TaskCatalogue = {
  siteId: 'glowly',
  intros: ['Book me an appointment', 'Please book an appointment', 'I need an appointment', 'Make a booking for me'],
  candidates,
  superlatives: [
    { id: 'earliest', field: 'time', objective: 'min', phrases: sentences('earliest', [{ id: 'pick', text: 'Take the earliest slot that fits.' }, { id: 'first', text: 'The first free time that day that fits is best.' }]) },
    { id: 'latest', field: 'time', objective: 'max', phrases: sentences('latest', [{ id: 'pick', text: 'Take the latest free time that day among those that fit.' }]) },
    { id: 'best-rated', field: 'rating', objective: 'max', phrases: sentences('best-rated', [{ id: 'pick', text: 'Of the people that fit, choose the best rated.' }]) },
    { id: 'cheapest', field: 'servicePrice', objective: 'min', phrases: sentences('cheapest', [{ id: 'pick', text: 'Go for the lowest price among the options that fit.' }]) },
  ],
};
