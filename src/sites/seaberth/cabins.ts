import type { World } from '../../world/world.js';
import { GRADES, type Grade, type Sailing } from './domain.js';

/**
 * A sailing's deck plan: its cabins by deck, each with its number, grade, position along the
 * ship (fore, midship, aft), whether it is accessible, how many it sleeps and its fare per
 * person; and which are taken. A pure function of the world seed and the sailing.
 */

export type Position = 'fore' | 'midship' | 'aft';
export type Cabin = { id: string; deck: number; number: string; grade: Grade; position: Position; accessible: boolean; sleeps: number; fare: number; taken: boolean };

/** The grades on each deck: inside and ocean view low down, balconies above, suites on top. */
const DECKS: readonly { deck: number; grades: Grade[] }[] = [
  { deck: 4, grades: ['inside', 'oceanview'] },
  { deck: 5, grades: ['inside', 'oceanview'] },
  { deck: 7, grades: ['inside', 'balcony'] },
  { deck: 8, grades: ['balcony'] },
  { deck: 10, grades: ['suite', 'balcony'] },
];
const PER_DECK = 9;

function hash(s: string): number {
  return [...s].reduce((h, c) => (h * 33 + c.charCodeAt(0)) >>> 0, 5381);
}

export function cabinsOf(world: World, s: Sailing): Cabin[] {
  const out: Cabin[] = [];
  let x = hash(`${world.seed}/${s.id}/cabins`);
  const next = () => (x = (x * 1103515245 + 12345) >>> 0) % 1000;
  for (const { deck, grades } of DECKS) {
    for (let i = 0; i < PER_DECK; i++) {
      const position: Position = i < 3 ? 'fore' : i < 6 ? 'midship' : 'aft';
      const grade = grades[i % grades.length]!;
      const number = `${deck}${String(100 + i * 12 + (next() % 2) * 2)}`;
      const sleeps = grade === 'suite' ? 4 : next() % 10 < 6 ? 2 : 4;
      const accessible = next() % 10 === 0;
      const fare = Math.round(s.baseFare * GRADES[grade].factor * (1 + (deck - 4) * 0.02) * (position === 'midship' ? 1.05 : 1) * (sleeps === 4 ? 1.04 : 1));
      out.push({ id: `${deck}-${number}`, deck, number, grade, position, accessible, sleeps, fare, taken: next() % 100 < 38 });
    }
  }
  return out;
}
