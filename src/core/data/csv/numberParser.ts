/**
 * Parses a field as a JSON number (RFC 8259 number syntax: `-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`)
 * straight from UTF-8 bytes, optionally with `,` as the decimal separator.
 *
 * Correctly rounded: up to 15 significant digits and a decimal exponent within ±22 use
 * Clinger's fast path (one exact IEEE operation on exact operands); anything else goes through
 * the engine's own `Number()` conversion. Returns NaN when the bytes are not a JSON number.
 */
const POW10 = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
  1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const COMMA = 44;
const ZERO = 48;
const NINE = 57;
const LOWER_E = 101;
const UPPER_E = 69;

export function parseNumberBytes(buf: Uint8Array, start: number, end: number, decimalComma: boolean): number {
  let i = start;
  let negative = false;
  if (buf[i] === MINUS) {
    negative = true;
    i++;
  }
  if (i >= end) return NaN;
  let mantissa = 0;
  let digits = 0; // significant digits accumulated into mantissa
  let dropped = 0; // integer digits beyond the fast-path precision
  let exponent = 0;
  let slow = false;
  let b = buf[i];
  if (b === ZERO) {
    i++;
    if (i < end && buf[i] >= ZERO && buf[i] <= NINE) return NaN; // leading zero
  } else if (b > ZERO && b <= NINE) {
    while (i < end) {
      b = buf[i];
      if (b < ZERO || b > NINE) break;
      if (digits < 15) {
        mantissa = mantissa * 10 + (b - ZERO);
        digits++;
      } else {
        dropped++;
        slow = true;
      }
      i++;
    }
  } else {
    return NaN;
  }
  const decimalByte = decimalComma ? COMMA : DOT;
  if (i < end && buf[i] === decimalByte) {
    i++;
    const fracStart = i;
    while (i < end) {
      b = buf[i];
      if (b < ZERO || b > NINE) break;
      if (mantissa === 0 && b === ZERO) {
        exponent--; // leading zeros of a pure fraction are not significant
      } else if (digits < 15) {
        mantissa = mantissa * 10 + (b - ZERO);
        digits++;
        exponent--;
      } else {
        slow = true;
      }
      i++;
    }
    if (i === fracStart) return NaN;
  }
  if (i < end && (buf[i] === LOWER_E || buf[i] === UPPER_E)) {
    i++;
    let expNegative = false;
    if (i < end && (buf[i] === MINUS || buf[i] === PLUS)) {
      expNegative = buf[i] === MINUS;
      i++;
    }
    const expStart = i;
    let e = 0;
    while (i < end) {
      b = buf[i];
      if (b < ZERO || b > NINE) break;
      if (e < 100000) e = e * 10 + (b - ZERO);
      i++;
    }
    if (i === expStart) return NaN;
    exponent += expNegative ? -e : e;
  }
  if (i !== end) return NaN;
  exponent += dropped;
  if (!slow) {
    if (mantissa === 0) return negative ? -0 : 0;
    if (exponent >= 0 && exponent <= 22) {
      const v = mantissa * POW10[exponent];
      return negative ? -v : v;
    } else if (exponent < 0 && exponent >= -22) {
      const v = mantissa / POW10[-exponent];
      return negative ? -v : v;
    }
  }
  return slowParse(buf, start, end, decimalComma);
}

function slowParse(buf: Uint8Array, start: number, end: number, decimalComma: boolean): number {
  let s = '';
  for (let i = start; i < end; i++) {
    const b = buf[i];
    s += String.fromCharCode(decimalComma && b === COMMA ? DOT : b);
  }
  return Number(s);
}

const encoder = new TextEncoder();

/** Parses a string as a JSON number (same rules as `parseNumberBytes`); NaN when it is not one. */
export function parseNumberText(text: string, decimalComma = false): number {
  if (text.length === 0) return NaN;
  const bytes = encoder.encode(text);
  return parseNumberBytes(bytes, 0, bytes.length, decimalComma);
}
