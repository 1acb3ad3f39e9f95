/**
 * Numbers read from text people and pages send (CLI flags, query strings, form fields). `Number()`
 * reads "" as 0, "0x2" as 2 and "1e3" as 1000; these read plain decimal notation only.
 */
const WHOLE = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A whole number in decimal digits ("12", "-3"), or undefined for anything else ("", "0x2", "1e3", "1.0", " 2"). */
export function parseWholeNumber(text: string): number | undefined {
  if (!WHOLE.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** A number in plain decimal notation ("0.5", "2", ".25"), or undefined for anything else ("", "0x1", "1e-1", "NaN"). */
export function parseDecimal(text: string): number | undefined {
  return DECIMAL.test(text) ? Number(text) : undefined;
}
