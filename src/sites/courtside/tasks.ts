import type { Attrs } from '../../core/schemas/episode-state.js';
import { cityName } from '../engine/city-search.js';
import type { Candidate, TaskCatalogue, Target } from '../kit/task-catalogue.js';
import { afterPhrases, beforePhrases, clauses, datePhrases, numberWord, roundUpNice, sentences } from '../kit/phrasing.js';
import { isSport, type Activity } from './domain.js';

/**
 * Courtside (sports courts and fitness classes): which sport or class, where and from which day;
 * for a court: the venue or neighbourhood, indoor or outdoor, surface, lights, start time,
 * length, singles or doubles and how many weeks in a row; for a class: the instructor, level,
 * places and weeks; a price bound on a session; sometimes a second court or class in the same
 * order (the cart).
 */

const num = (a: Attrs, k: string) => Number(a[k]);
const str = (a: Attrs, k: string) => String(a[k]);

const ACTIVITY_PHRASES: Record<Activity, { id: string; text: string }[]> = {
  tennis: [{ id: 'court', text: 'a tennis court' }, { id: 'play', text: 'a court to play tennis' }],
  padel: [{ id: 'court', text: 'a padel court' }, { id: 'play', text: 'a court for padel' }],
  squash: [{ id: 'court', text: 'a squash court' }, { id: 'play', text: 'a court to play squash' }],
  badminton: [{ id: 'court', text: 'a badminton court' }, { id: 'play', text: 'a court for badminton' }],
  yoga: [{ id: 'class', text: 'a yoga class' }, { id: 'place', text: 'a place in a yoga class' }],
  spin: [{ id: 'class', text: 'a spin class' }, { id: 'place', text: 'a place in a spin class' }],
  hiit: [{ id: 'class', text: 'a HIIT class' }, { id: 'place', text: 'a place in a HIIT workout' }],
  pilates: [{ id: 'class', text: 'a pilates class' }, { id: 'place', text: 'a place in a pilates class' }],
};

function timeCandidates(a: Attrs): Candidate[] {
  const out: Candidate[] = [];
  const time = str(a, 'time');
  const h = Number(time.slice(0, 2));
  if (h < 12) {
    const before = `${String(h + 1).padStart(2, '0')}:00`;
    out.push({ role: 'refine', constraint: { id: 'time-before', kind: 'time_window', stage: 'selection', field: 'time', before }, phrases: clauses('time-before', beforePhrases(before, 'starting')) });
  } else {
    const after = `${String(h).padStart(2, '0')}:00`;
    out.push({ role: 'refine', constraint: { id: 'time-after', kind: 'time_window', stage: 'selection', field: 'time', after }, phrases: clauses('time-after', afterPhrases(after, 'starting')) });
  }
  out.push({ role: 'refine', constraint: { id: 'time', kind: 'exact', stage: 'selection', field: 'time', value: time }, phrases: clauses('time', [{ id: 'at', text: `at ${time}` }]) });
  return out;
}

function courtCandidates(t: Target): Candidate[] {
  const a = t.attrs;
  const out: Candidate[] = [...timeCandidates(a)];
  const indoor = a.indoor === true;
  if (t.params.activity === 'tennis' || t.params.activity === 'padel') {
    out.push({ role: 'refine', constraint: { id: 'indoor', kind: 'exact', stage: 'selection', field: 'indoor', value: indoor }, phrases: indoor ? sentences('indoor', [{ id: 'rain', text: 'It might rain, so it has to be an indoor court.' }, { id: 'indoor', text: 'Indoor only, please.' }]) : sentences('indoor', [{ id: 'outdoor', text: 'We want to play outdoors.' }]), matchesListing: (l) => l.attrs.indoor === indoor });
  }
  const surface = str(a, 'surface');
  if (t.params.activity === 'tennis') out.push({ role: 'refine', constraint: { id: 'surface', kind: 'exact', stage: 'selection', field: 'surface', value: surface }, phrases: clauses('surface', [{ id: 'on', text: `on a ${surface} court` }]), matchesListing: (l) => l.attrs.surface === surface });
  if (!indoor && a.lights === true) out.push({ role: 'refine', constraint: { id: 'lights', kind: 'exact', stage: 'selection', field: 'lights', value: true }, phrases: sentences('lights', [{ id: 'dark', text: 'The court needs floodlights in case it gets dark.' }]), matchesListing: (l) => l.attrs.lights === true });
  const venue = str(a, 'venue');
  out.push({ role: 'refine', constraint: { id: 'venue', kind: 'exact', stage: 'selection', field: 'venue', value: venue }, phrases: clauses('venue', [{ id: 'at', text: `at ${venue}` }]), matchesListing: (l) => l.attrs.venue === venue });
  const court = str(a, 'court');
  out.push({ role: 'refine', constraint: { id: 'court', kind: 'exact', stage: 'selection', field: 'court', value: court }, phrases: sentences('court', [{ id: 'which', text: `We like the court called "${court}".` }]), matchesListing: (l) => l.attrs.court === court });
  const minutes = num(a, 'durationMin');
  out.push({ role: 'core', constraint: { id: 'length', kind: 'exact', stage: 'selection', field: 'durationMin', value: minutes }, phrases: clauses('length', [{ id: 'for', text: `for ${minutes === 60 ? 'an hour' : minutes === 90 ? 'an hour and a half' : 'two hours'}` }, { id: 'minutes', text: `for ${minutes} minutes` }]) });
  const players = num(a, 'players');
  if (t.params.activity !== 'squash') out.push({ role: 'refine', constraint: { id: 'players', kind: 'exact', stage: 'selection', field: 'players', value: players }, phrases: sentences('players', [{ id: 'we', text: `There are ${numberWord(players)} of us playing${players === 4 ? ' (doubles)' : ''}.` }, { id: 'format', text: `We'll play ${players === 2 ? 'singles' : 'doubles'}.` }]) });
  return out;
}

function classCandidates(t: Target): Candidate[] {
  const a = t.attrs;
  const out: Candidate[] = [...timeCandidates(a)];
  const instructor = str(a, 'instructor');
  out.push({ role: 'refine', constraint: { id: 'instructor', kind: 'exact', stage: 'selection', field: 'instructor', value: instructor }, phrases: clauses('instructor', [{ id: 'with', text: `with ${instructor}` }, { id: 'taught', text: `taught by ${instructor}` }]), matchesListing: (l) => l.attrs.instructor === instructor });
  const level = str(a, 'level');
  out.push({ role: 'refine', constraint: { id: 'level', kind: 'exact', stage: 'selection', field: 'level', value: level }, phrases: sentences('level', [{ id: 'level', text: level === 'all levels' ? 'It should be a class for all levels.' : `It should be a class for ${level === 'beginner' ? 'beginners' : `${level} level`}.` }]), matchesListing: (l) => l.attrs.level === level });
  const players = num(a, 'players');
  out.push({ role: 'core', constraint: { id: 'players', kind: 'exact', stage: 'selection', field: 'players', value: players }, phrases: players === 1 ? clauses('players', [{ id: 'me', text: 'for just me' }, { id: 'one', text: 'for one person' }]) : clauses('players', [{ id: 'us', text: `for ${numberWord(players)} people` }, { id: 'places', text: `with ${players} places` }]) });
  const minutes = num(a, 'durationMin');
  if (minutes <= 60) out.push({ role: 'refine', constraint: { id: 'duration-max', kind: 'range', stage: 'selection', field: 'durationMin', max: minutes <= 45 ? 45 : 60 }, phrases: sentences('duration-max', [{ id: 'long', text: `The class should last no more than ${minutes <= 45 ? 45 : 60} minutes.` }]), matchesListing: (l) => Number(l.attrs.durationMin) <= (minutes <= 45 ? 45 : 60) });
  return out;
}

function candidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const activity = String(t.params.activity) as Activity;
  const city = String(t.params.city);
  const date = String(t.params.date);
  out.push({ role: 'key', constraint: { id: 'activity', kind: 'exact', stage: 'search', field: 'activity', value: activity }, phrases: clauses('activity', ACTIVITY_PHRASES[activity]) });
  out.push({ role: 'key', constraint: { id: 'city', kind: 'exact', stage: 'search', field: 'city', value: city }, phrases: clauses('city', [{ id: 'in', text: `in ${cityName(city)}` }]) });
  out.push({ role: 'key', constraint: { id: 'date', kind: 'exact', stage: 'search', field: 'date', value: date }, phrases: clauses('date', datePhrases(date)) });
  out.push(...(isSport(activity) ? courtCandidates(t) : classCandidates(t)));
  const a = t.attrs;
  const weeks = num(a, 'weeks');
  out.push({ role: weeks > 1 ? 'core' : 'refine', constraint: { id: 'weeks', kind: 'exact', stage: 'selection', field: 'weeks', value: weeks }, phrases: weeks === 1 ? sentences('weeks', [{ id: 'once', text: 'Just this once, not every week.' }]) : sentences('weeks', [{ id: 'weekly', text: `Book it every week for ${weeks} weeks, same time.` }, { id: 'repeat', text: `Make it a weekly booking for ${numberWord(weeks)} weeks.` }]) });
  const area = str(a, 'neighbourhood');
  out.push({ role: 'refine', constraint: { id: 'neighbourhood', kind: 'exact', stage: 'selection', field: 'neighbourhood', value: area }, phrases: clauses('neighbourhood', [{ id: 'in', text: `somewhere in ${area}` }]), matchesListing: (l) => l.attrs.neighbourhood === area });
  const rating = num(a, 'rating');
  if (rating >= 4) {
    const min = rating >= 4.5 ? 4.5 : 4;
    out.push({ role: 'refine', constraint: { id: 'rating-min', kind: 'range', stage: 'selection', field: 'rating', min }, phrases: sentences('rating-min', [{ id: 'rated', text: `Only places rated ${min.toFixed(1)} or more.` }]), matchesListing: (l) => Number(l.attrs.rating) >= min });
  }
  const cap = roundUpNice(num(a, 'sessionPrice'));
  out.push({ role: 'refine', constraint: { id: 'price-max', kind: 'range', stage: 'selection', field: 'sessionPrice', max: cap }, phrases: sentences('price-max', [{ id: 'session', text: `One session should cost no more than €${cap}.` }, { id: 'budget', text: `Keep each session at €${cap} or less.` }]) });

  const second = t.items.find((x) => x.slot === 'item2');
  if (second) {
    const s = second.attrs;
    const what = isSport(activity) ? `${str(s, 'court')} at ${str(s, 'venue')}` : `${str(s, 'className')} with ${str(s, 'instructor')}`;
    out.push({ role: 'key', constraint: { id: 'item2-listing', kind: 'exact', stage: 'selection', field: isSport(activity) ? 'item2.court' : 'item2.className', value: isSport(activity) ? str(s, 'court') : str(s, 'className') }, phrases: clauses('item2-listing', [{ id: 'and', text: `and also ${what}` }]) });
    out.push({ role: 'key', constraint: { id: 'item2-where', kind: 'exact', stage: 'selection', field: isSport(activity) ? 'item2.venue' : 'item2.instructor', value: isSport(activity) ? str(s, 'venue') : str(s, 'instructor') }, phrases: clauses('item2-where', [{ id: 'same', text: 'in the same order' }]) });
    out.push({ role: 'key', constraint: { id: 'item2-time', kind: 'exact', stage: 'selection', field: 'item2.time', value: str(s, 'time') }, phrases: clauses('item2-time', [{ id: 'at', text: `(that one at ${str(s, 'time')})` }]) });
    out.push({ role: 'refine', constraint: { id: 'item-count', kind: 'count', stage: 'booking', field: 'itemCount', value: 2 }, phrases: sentences('item-count', [{ id: 'one-order', text: 'Put both in the cart and pay once.' }]) });
  }
  return out;
}

export const courtsideTasks: TaskCatalogue = {
  siteId: 'courtside',
  intros: ['Book', 'Please book', 'I want to book', 'Get me'],
  candidates,
  superlatives: [
    { id: 'cheapest', field: 'sessionPrice', objective: 'min', phrases: sentences('cheapest', [{ id: 'pick', text: 'Take the cheapest session that fits.' }, { id: 'least', text: 'Of the sessions that fit, pay as little as possible for one.' }]) },
    { id: 'earliest', field: 'time', objective: 'min', phrases: sentences('earliest', [{ id: 'pick', text: 'The earliest start that fits is best.' }]) },
    { id: 'best-rated', field: 'rating', objective: 'max', phrases: sentences('best-rated', [{ id: 'pick', text: 'Choose the best rated of those that fit.' }]) },
  ],
};
