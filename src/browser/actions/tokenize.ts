import { at, snippet } from './text.js';
import { done, fail, type Step } from './result.js';

/**
 * The lexer for BrowserGym's Python-call actions: names, string and number literals, and the
 * punctuation of a call. One linear pass, no regular expressions, so no input can make it slow.
 */
export type Token =
  | { kind: 'name'; text: string; start: number }
  | { kind: 'string'; value: string; start: number }
  /** `integer` is true for a literal without a fraction or exponent (`12`, not `12.0`). */
  | { kind: 'number'; text: string; value: number; integer: boolean; start: number }
  | { kind: 'punct'; text: Punct; start: number }
  | { kind: 'end'; start: number };

export type Punct = '(' | ')' | '[' | ']' | ',' | '=' | '-' | '+';
const PUNCT = new Set<string>(['(', ')', '[', ']', ',', '=', '-', '+']);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isNameStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
const isNameChar = (c: string | undefined): boolean => isNameStart(c) || isDigit(c);
const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
const isHex = (c: string | undefined): boolean =>
  c !== undefined && (isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));

export function tokenize(src: string): Step<Token[]> {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (isSpace(c)) {
      i++;
    } else if (isNameStart(c)) {
      const start = i;
      while (isNameChar(src[i])) i++;
      tokens.push({ kind: 'name', text: src.slice(start, i), start });
    } else if (isDigit(c) || (c === '.' && isDigit(src[i + 1]))) {
      const n = readNumber(src, i);
      if (!n.ok) return n;
      tokens.push(n.value);
      i += n.value.text.length;
    } else if (c === '"' || c === "'") {
      const s = readString(src, i);
      if (!s.ok) return s;
      tokens.push({ kind: 'string', value: s.value.value, start: i });
      i = s.value.end;
    } else if (PUNCT.has(c)) {
      tokens.push({ kind: 'punct', text: c as Punct, start: i });
      i++;
    } else {
      return fail(`unexpected character ${snippet(c)} ${at(i)}`);
    }
  }
  tokens.push({ kind: 'end', start: src.length });
  return done(tokens);
}

/** A Python int or float literal without sign: `12`, `0.5`, `.5`, `1.`, `2e-3`. */
function readNumber(src: string, start: number): Step<Extract<Token, { kind: 'number' }>> {
  let i = start;
  let integer = true;
  while (isDigit(src[i])) i++;
  if (src[i] === '.') {
    integer = false;
    i++;
    while (isDigit(src[i])) i++;
  }
  if (src[i] === 'e' || src[i] === 'E') {
    integer = false;
    i++;
    if (src[i] === '+' || src[i] === '-') i++;
    if (!isDigit(src[i])) return fail(`invalid number ${snippet(src.slice(start, i + 1))} ${at(start)}`);
    while (isDigit(src[i])) i++;
  }
  if (isNameChar(src[i]) || src[i] === '.') {
    let end = i;
    while (isNameChar(src[end]) || src[end] === '.') end++;
    return fail(`invalid number ${snippet(src.slice(start, end))} ${at(start)}`);
  }
  const text = src.slice(start, i);
  return done({ kind: 'number', text, value: Number(text), integer, start });
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/**
 * A single-line Python string literal with Python's escapes (`\n`, `\\`, `\'`, `\xhh`, `\uXXXX`,
 * `\UXXXXXXXX`, octal). Like Python, an unknown escape such as `\d` keeps its backslash, and a raw
 * line break inside the quotes is an error. JSON's escapes are a subset, so `formatAction`'s
 * JSON-quoted strings read back exactly, lone surrogates included.
 */
function readString(src: string, start: number): Step<{ value: string; end: number }> {
  const quote = src[start]!;
  let out = '';
  let i = start + 1;
  for (;;) {
    const c = src[i];
    if (c === undefined || c === '\n' || c === '\r') {
      const why = c === undefined ? 'the closing quote is missing' : 'a line break inside quotes must be written \\n';
      return fail(`unterminated string starting ${at(start)} (${why})`);
    }
    if (c === quote) return done({ value: out, end: i + 1 });
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = src[i + 1];
    if (e === undefined) return fail(`unterminated string starting ${at(start)} (the closing quote is missing)`);
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (e === '\n') {
      // Backslash-newline continues the literal on the next line and adds nothing.
      i += 2;
    } else if (e === '\r') {
      i += src[i + 2] === '\n' ? 3 : 2;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const width = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = src.slice(i + 2, i + 2 + width);
      if (hex.length !== width || ![...hex].every(isHex)) {
        return fail(`invalid escape \\${e} ${at(i)}: expected ${width} hex digits`);
      }
      const code = Number.parseInt(hex, 16);
      if (code > 0x10ffff) return fail(`invalid escape \\${e}${hex} ${at(i)}: beyond the last Unicode code point`);
      // fromCharCode for \u keeps lone surrogates as one code unit, as Python and JSON do.
      out += width === 8 ? String.fromCodePoint(code) : String.fromCharCode(code);
      i += 2 + width;
    } else if (e >= '0' && e <= '7') {
      let j = i + 1;
      while (j < i + 4 && src[j] !== undefined && src[j]! >= '0' && src[j]! <= '7') j++;
      out += String.fromCharCode(Number.parseInt(src.slice(i + 1, j), 8));
      i = j;
    } else if (e === 'N') {
      return fail(`unsupported escape \\N{...} ${at(i)}: write the character itself or \\uXXXX`);
    } else {
      out += `\\${e}`;
      i += 2;
    }
  }
}
