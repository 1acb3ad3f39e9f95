import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';

/** Who explores: a persona per episode (NNetNav conditions its explorer on one), shipped as data in `personas.json`. */
export const Persona = z.strictObject({
  id: z.string().min(1),
  description: z.string().min(1),
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  email: z.string().email(),
  /** How likely this persona goes all the way to a booking (the scripted explorer abandons otherwise). */
  books: z.number().min(0).max(1),
});
export type Persona = z.infer<typeof Persona>;

const PersonaFile = z.record(z.string(), z.array(Persona).min(1));

let cache: Record<string, Persona[]> | undefined;

/** Every site's personas. */
export function allPersonas(): Record<string, Persona[]> {
  cache ??= PersonaFile.parse(JSON.parse(readFileSync(new URL('./personas.json', import.meta.url), 'utf8')));
  return cache;
}

let generic: Persona[] | undefined;

/**
 * Personas for a site with no list of its own (a URL explored with `explore --url`): people of
 * no domain, shipped in `generic-personas.json`.
 */
export function genericPersonas(): Persona[] {
  generic ??= z.array(Persona).min(1).parse(JSON.parse(readFileSync(new URL('./generic-personas.json', import.meta.url), 'utf8')));
  return generic;
}

/** One generic persona, drawn by `rng`. */
export const drawGenericPersona = (rng: Rng): Persona => rng.pick(genericPersonas());

/** One persona of the site's list, drawn by `rng`. */
export function drawPersona(siteId: string, rng: Rng): Persona {
  const list = allPersonas()[siteId];
  if (!list) throw new InvalidInputError(`no personas for site "${siteId}"`, { hint: 'add a list for it to src/agents/explorer/personas.json' });
  return rng.pick(list);
}
