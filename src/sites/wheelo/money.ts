/** Money arithmetic in cents, so totals always equal the sum of their lines. */
export const toCents = (eur: number): number => Math.round(eur * 100);
export const fromCents = (cents: number): number => cents / 100;

const EUR = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' });
export const eur = (amount: number): string => EUR.format(amount);
export const eurWhole = (amount: number): string => `€${amount.toLocaleString('en-IE')}`;
