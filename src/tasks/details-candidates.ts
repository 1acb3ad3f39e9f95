import type { Rng } from '../core/rng.js';
import type { Candidate, Target } from '../sites/kit/task-catalogue.js';
import { sentences } from '../sites/kit/phrasing.js';

/** Traveller and contact details: the same on every site. */
export function detailsCandidates(t: Target): Candidate[] {
  const out: Candidate[] = [];
  const lead = t.travellers[0];
  if (lead?.firstName && lead.lastName) {
    const name = `${lead.firstName} ${lead.lastName}`;
    const say = sentences('name', [
      { id: 'under', text: `Book it under the name ${name}.` },
      { id: 'name-of', text: `Put the booking in the name of ${name}.` },
    ]);
    out.push({ role: 'details', constraint: { id: 'traveller1-firstName', kind: 'details', stage: 'details', field: 'firstName', traveller: 1, value: lead.firstName }, phrases: say });
    out.push({ role: 'details', constraint: { id: 'traveller1-lastName', kind: 'details', stage: 'details', field: 'lastName', traveller: 1, value: lead.lastName }, phrases: say });
  }
  if (t.contact.email) {
    out.push({ role: 'details', constraint: { id: 'contact-email', kind: 'details', stage: 'details', field: 'email', value: t.contact.email }, phrases: sentences('email', [{ id: 'send', text: `Send the confirmation to ${t.contact.email}.` }, { id: 'use', text: `Use the email ${t.contact.email}.` }]) });
  }
  if (t.contact.phone) {
    out.push({ role: 'details', constraint: { id: 'contact-phone', kind: 'details', stage: 'details', field: 'phone', value: t.contact.phone }, phrases: sentences('phone', [{ id: 'reach', text: `My phone number is ${t.contact.phone}.` }]) });
  }
  return out;
}

/** "an extra checked bag" -> "extra checked bag": the noun after "no". */
const bare = (noun: string) => noun.replace(/^(a|an|the) /i, '');

/** An add-on wanted or refused, in the words the generator uses for it. */
export function addonCandidate(x: { id: string; noun: string }, chosen: boolean): Candidate {
  return chosen
    ? {
        role: 'addon',
        constraint: { id: `addon-${x.id}`, kind: 'addon', stage: 'details', field: x.id, chosen: true },
        phrases: sentences(`addon-${x.id}`, [{ id: 'add', text: `Add ${x.noun}.` }, { id: 'want', text: `I also want ${x.noun}.` }]),
      }
    : {
        role: 'addon',
        constraint: { id: `no-${x.id}`, kind: 'addon', stage: 'details', field: x.id, chosen: false },
        phrases: sentences(`no-${x.id}`, [{ id: 'no', text: `No ${bare(x.noun)}, thanks.` }, { id: 'skip', text: `Don't add ${x.noun}.` }]),
      };
}

/**
 * Two of the add-ons the target's option offers, each wanted or refused (drawn once per task),
 * named by the add-on's noun ("seat selection"), never by a label that is a call to action.
 */
export function addonCandidates(t: Target, rng: Rng): Candidate[] {
  const offered = t.site.extras({ params: t.params, listing: t.listing, choices: t.choices });
  return rng.sample(offered, 2).map((x) => addonCandidate(x, rng.chance(0.5)));
}
