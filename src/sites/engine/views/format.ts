const formatters = new Map<string, Intl.NumberFormat>();

/** "€123.50"; whole amounts drop the cents ("€120"). */
export function money(amount: number, currency: string): string {
  const whole = Number.isInteger(amount);
  const key = `${currency}/${whole}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    });
    formatters.set(key, f);
  }
  return f.format(amount);
}
