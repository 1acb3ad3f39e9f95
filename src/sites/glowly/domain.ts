import { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { CITIES, SURNAMES } from '../../world/geography.js';

/**
 * Glowly's stored inventory: the staff of the salons and spas of every city (stylists,
 * colourists, therapists, nail technicians), with their skills, level, languages, rating and
 * weekly hours. Which slots are already booked on a day is made on demand (`inventory.ts`).
 */

export const CATEGORIES = ['hair', 'colour', 'massage', 'facial', 'nails'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  hair: 'Haircut & styling',
  colour: 'Hair colour',
  massage: 'Massage',
  facial: 'Facials & skin',
  nails: 'Nails',
};

/** The services of each category: id, name, length in minutes and the price at a senior's rate (EUR). */
export const SERVICES: Record<Category, readonly (readonly [id: string, label: string, minutes: number, price: number])[]> = {
  hair: [['womens-cut', "Women's cut & blow-dry", 60, 52], ['mens-cut', "Men's haircut", 30, 28], ['blow-dry', 'Wash & blow-dry', 45, 34], ['kids-cut', "Children's haircut", 30, 20]],
  colour: [['roots', 'Root colour', 75, 62], ['full-colour', 'Full colour', 120, 95], ['highlights', 'Half-head highlights', 120, 110], ['balayage', 'Balayage', 180, 150]],
  massage: [['swedish', 'Swedish massage (60 min)', 60, 68], ['deep-tissue', 'Deep tissue massage (60 min)', 60, 78], ['hot-stone', 'Hot stone massage (90 min)', 90, 105], ['back-neck', 'Back, neck & shoulders (30 min)', 30, 40]],
  facial: [['classic-facial', 'Classic facial', 60, 62], ['hydrating', 'Hydrating facial', 75, 80], ['anti-ageing', 'Anti-ageing facial', 90, 98], ['brows', 'Brow shape & tint', 30, 26]],
  nails: [['manicure', 'Classic manicure', 45, 28], ['gel-manicure', 'Gel manicure', 60, 38], ['pedicure', 'Spa pedicure', 60, 42], ['gel-removal', 'Gel removal & tidy', 30, 18]],
};

export const LEVELS = ['junior', 'senior', 'master'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = { junior: 'Junior', senior: 'Senior', master: 'Master' };
/** What each level charges against a senior's price. */
export const LEVEL_FACTOR: Record<Level, number> = { junior: 0.8, senior: 1, master: 1.3 };

export const LANGUAGES = ['English', 'Spanish', 'French', 'German', 'Portuguese', 'Italian', 'Dutch', 'Polish', 'Ukrainian', 'Turkish'] as const;

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const Session = z.strictObject({ from: HhMm, to: HhMm });

export const StaffMember = z.strictObject({
  id: Slug,
  cityId: Slug,
  name: z.string().min(1),
  salon: z.string().min(1),
  neighbourhood: z.string().min(1),
  gender: z.enum(['female', 'male']),
  /** What they do, their main skill first. */
  skills: z.array(z.enum(CATEGORIES)).min(1),
  level: z.enum(LEVELS),
  languages: z.array(z.enum(LANGUAGES)).min(1),
  yearsExperience: z.number().int().min(1),
  rating: z.number().min(1).max(5),
  reviewCount: z.number().int().min(0),
  /** Working hours by weekday, Sunday first. */
  week: z.array(z.array(Session).max(2)).length(7),
  /** How busy: the share of slots already booked. */
  demand: z.number().min(0).max(1),
});
export type StaffMember = z.infer<typeof StaffMember>;

/** First names by gender, so that "a woman" and the name on the page agree. */
const WOMEN = ['Ana', 'Bianca', 'Chloé', 'Clara', 'Elena', 'Elif', 'Giulia', 'Hana', 'Ines', 'Kasia', 'Leila', 'Lucía', 'Maya', 'Marta', 'Mila', 'Noor', 'Olga', 'Rosa', 'Sofia', 'Tess', 'Yara', 'Zoe', 'Aisha', 'Emma'] as const;
const MEN = ['Dario', 'Felix', 'Hugo', 'Jonas', 'Luca', 'Marco', 'Noah', 'Omar', 'Pablo', 'Pieter', 'Sven', 'Tomás', 'Karim', 'Mateo', 'Erik', 'Leon'] as const;
const LAST = [...SURNAMES, 'Alves', 'Bianchi', 'Costa', 'Dubois', 'Esposito', 'Fischer', 'Garnier', 'Horvat', 'Jensen', 'Kaya', 'Lemaire', 'Moreau', 'Novak', 'Rossi', 'Schulz', 'Vidal'] as const;
const SALON_NAMES = ['Atelier', 'Bloom', 'Luxe', 'Maison', 'Velvet', 'Willow', 'Studio 9', 'Aurora', 'Serenity', 'Copper', 'Ivy', 'Lotus'] as const;
const SALON_WORDS = ['Hair & Beauty', 'Salon', 'Day Spa', 'Beauty Lounge', 'Hair Studio', 'Wellness Spa'] as const;
/** Which second skills go with a main one. */
const NEAR: Record<Category, Category[]> = { hair: ['colour'], colour: ['hair'], massage: ['facial'], facial: ['massage', 'nails'], nails: ['facial'] };
const BIG = new Set(['london', 'paris', 'berlin', 'madrid', 'rome', 'barcelona', 'milan']);

function week(rng: Rng): { from: string; to: string }[][] {
  const open = rng.pick(['09:00', '09:30', '10:00']);
  const close = rng.pick(['18:00', '19:00', '20:00']);
  const days: { from: string; to: string }[][] = [];
  for (let d = 0; d < 7; d++) {
    if (d === 0) days.push(rng.chance(0.2) ? [{ from: '11:00', to: '17:00' }] : []);
    else if (d === 1) days.push(rng.chance(0.35) ? [{ from: open, to: close }] : []);
    else days.push(rng.chance(0.85) ? (rng.chance(0.3) ? [{ from: open, to: '13:00' }, { from: '14:00', to: close }] : [{ from: open, to: close }]) : []);
  }
  return days;
}

function generate(rng: Rng): StaffMember[] {
  const out: StaffMember[] = [];
  for (const city of CITIES) {
    const salons = rng.sample(SALON_NAMES, 8).map((n) => ({ name: `${n} ${rng.pick(SALON_WORDS)}`, neighbourhood: rng.pick(city.neighbourhoods) }));
    const local = { Portugal: 'Portuguese', Spain: 'Spanish', France: 'French', Germany: 'German', Austria: 'German', Switzerland: 'German', Italy: 'Italian', Netherlands: 'Dutch', Belgium: 'French', Poland: 'Polish' }[city.country] as (typeof LANGUAGES)[number] | undefined;
    for (const main of CATEGORIES) {
      const n = Math.round(rng.int(22, 40) * (BIG.has(city.id) ? 1.25 : 0.9));
      for (let i = 0; i < n; i++) {
        const salon = rng.pick(salons);
        const skills = [main, ...NEAR[main].filter(() => rng.chance(0.35))];
        const rating = rng.float(3.5, 5, 1);
        const gender = rng.chance(main === 'hair' ? 0.6 : 0.8) ? ('female' as const) : ('male' as const);
        out.push({
          id: `${city.id}-${main}-${i + 1}`,
          cityId: city.id,
          name: `${rng.pick(gender === 'female' ? WOMEN : MEN)} ${rng.pick(LAST)}`,
          salon: salon.name,
          neighbourhood: salon.neighbourhood,
          gender,
          skills,
          level: rng.weighted<Level>([['junior', 3], ['senior', 5], ['master', 2]]),
          languages: [...new Set([...(local ? [local] : []), 'English' as const, ...rng.sample(LANGUAGES, rng.int(0, 2))])],
          yearsExperience: rng.int(1, 30),
          rating,
          reviewCount: rng.int(2, 700),
          week: week(rng),
          demand: Math.min(0.85, rng.float(0.15, 0.55) + (rating - 3.5) * 0.12),
        });
      }
    }
  }
  return out;
}

export const salonStaffDomain: DomainModule<StaffMember> = { key: 'salon-staff', schema: StaffMember, generate };
