/**
 * RFC 8785 canonicalization against the RFC's own examples (section 3.2.2 and appendix B number
 * serialization samples) and its rules: member order by UTF-16 code units, no whitespace,
 * ECMAScript number and string forms.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson';

describe('canonical JSON (RFC 8785)', () => {
  it('serializes the RFC 8785 section 3.2.2 example exactly', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('sorts members by UTF-16 code units (RFC 8785 section 3.2.3 example)', () => {
    const input = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    // read the member names in text order (JSON.parse would list the integer-like '1' first)
    const text = canonicalJson(input);
    const order = Object.keys(input).sort((a, b) => text.indexOf(`${JSON.stringify(a)}:`) - text.indexOf(`${JSON.stringify(b)}:`));
    expect(order).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  it('writes numbers in ECMAScript form (RFC 8785 appendix B samples) and refuses non-finite ones', () => {
    const samples: [number, string][] = [
      [0, '0'],
      [-0, '0'],
      [5e-324, '5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [9007199254740992, '9007199254740992'],
      [295147905179352830000, '295147905179352830000'],
      [1e21, '1e+21'],
      [0.000001, '0.000001'],
      [1e-7, '1e-7'],
    ];
    for (const [n, text] of samples) expect(canonicalJson(n)).toBe(text);
    expect(() => canonicalJson(NaN)).toThrow(/no JSON form/);
    expect(() => canonicalJson({ a: Infinity })).toThrow(/no JSON form/);
  });

  it('nests, drops undefined members and has no whitespace', () => {
    expect(canonicalJson({ b: [1, { d: 2, c: 'x' }], a: undefined, c: {} })).toBe('{"b":[1,{"c":"x","d":2}],"c":{}}');
  });
});
