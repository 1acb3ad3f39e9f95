import type { PersonField } from '../engine/site-definition.js';

const NAME = /^\p{L}[\p{L}\p{M}' .-]*$/u;

function name(what: string) {
  return (v: string): string | undefined => {
    const s = v.trim();
    if (!s) return `Enter the ${what}.`;
    if (s.length > 40) return `The ${what} can be at most 40 characters.`;
    if (!NAME.test(s)) return `Use letters only for the ${what}.`;
    return undefined;
  };
}

export const travellerFields: PersonField[] = [
  { name: 'firstName', label: 'First name', kind: 'text', required: true, autocomplete: 'given-name', validate: name('first name'), example: 'Maya' },
  { name: 'lastName', label: 'Last name', kind: 'text', required: true, autocomplete: 'family-name', validate: name('last name'), example: 'Keller' },
];

export const contactFields: PersonField[] = [
  {
    name: 'email',
    label: 'Email',
    kind: 'email',
    required: true,
    autocomplete: 'email',
    example: 'maya.keller@example.com',
    validate: (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(v.trim()) ? undefined : 'Enter a valid email address, like name@example.com.'),
  },
  {
    name: 'phone',
    label: 'Mobile phone',
    kind: 'tel',
    required: true,
    autocomplete: 'tel',
    example: '+44 20 7946 0958',
    validate: (v) => (/^\+?\d{7,15}$/.test(v.replace(/[\s().-]/g, '')) ? undefined : 'Enter a phone number with 7 to 15 digits, e.g. +44 20 7946 0958.'),
  },
  {
    name: 'postcode',
    label: 'Postcode (posted tickets only)',
    kind: 'text',
    required: false,
    autocomplete: 'postal-code',
    example: 'SW1A 1AA',
    validate: (v) => {
      const s = v.trim();
      if (!s) return undefined;
      return /^[A-Za-z0-9][A-Za-z0-9 -]{1,8}[A-Za-z0-9]$/.test(s) ? undefined : 'Enter a valid postcode (3 to 10 letters and digits).';
    },
  },
];
