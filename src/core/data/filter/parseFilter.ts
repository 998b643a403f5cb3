/**
 * Parses the filter language:
 *
 *   expr      := term ('or' term)*          term := factor ('and' factor)*
 *   factor    := 'not' factor | '(' expr ')' | predicate
 *   predicate := column op value | column ['not'] 'in' '(' value, … ')' | column 'is' ['not'] 'missing'
 *   op        := = == != <> < <= > >=
 *
 * Columns are bare names (letters, digits, `_ . -`) or `back-quoted` when they hold spaces.
 * Values are numbers, 'single' or "double" quoted text, or bare words (true/false for booleans,
 * category names). Keywords are case-insensitive.
 */
import { InputError } from '../../errors/errors';
import type { ComparisonOp, FilterNode, FilterValue } from './filterAst';

type Token =
  | { t: 'word'; v: string; pos: number }
  | { t: 'column'; v: string; pos: number }
  | { t: 'string'; v: string; pos: number }
  | { t: 'number'; v: number; text: string; pos: number }
  | { t: 'op'; v: ComparisonOp; pos: number }
  | { t: '(' | ')' | ','; pos: number };

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const WORD = /^[^\s()=!<>,'"`]+/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ t: ch, pos: i });
      i++;
      continue;
    }
    if (ch === '`' || ch === '"' || ch === "'") {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) throw new InputError(`filter: the quote at position ${i + 1} is never closed`);
      const v = text.slice(i + 1, close);
      tokens.push(ch === '`' ? { t: 'column', v, pos: i } : { t: 'string', v, pos: i });
      i = close + 1;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '!=' || two === '<>' || two === '==') {
      tokens.push({ t: 'op', v: two === '<>' ? '!=' : two === '==' ? '=' : (two as ComparisonOp), pos: i });
      i += 2;
      continue;
    }
    if (ch === '<' || ch === '>' || ch === '=') {
      tokens.push({ t: 'op', v: ch, pos: i });
      i++;
      continue;
    }
    const rest = text.slice(i);
    const num = NUMBER.exec(rest);
    const word = WORD.exec(rest);
    if (num && (!word || word[0].length === num[0].length)) {
      tokens.push({ t: 'number', v: Number(num[0]), text: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    if (word) {
      tokens.push({ t: 'word', v: word[0], pos: i });
      i += word[0].length;
      continue;
    }
    throw new InputError(`filter: unexpected '${ch}' at position ${i + 1}`);
  }
  return tokens;
}

export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  if (tokens.length === 0) throw new InputError('filter is empty');
  let k = 0;
  const peek = () => tokens[k];
  const isKeyword = (tok: Token | undefined, kw: string) => tok?.t === 'word' && tok.v.toLowerCase() === kw;
  const where = (tok: Token | undefined) => (tok ? `at position ${tok.pos + 1}` : 'at the end');

  function expr(): FilterNode {
    let left = term();
    while (isKeyword(peek(), 'or')) {
      k++;
      left = { kind: 'or', left, right: term() };
    }
    return left;
  }
  function term(): FilterNode {
    let left = factor();
    while (isKeyword(peek(), 'and')) {
      k++;
      left = { kind: 'and', left, right: factor() };
    }
    return left;
  }
  function factor(): FilterNode {
    const tok = peek();
    if (isKeyword(tok, 'not')) {
      k++;
      return { kind: 'not', operand: factor() };
    }
    if (tok?.t === '(') {
      k++;
      const inner = expr();
      if (peek()?.t !== ')') throw new InputError(`filter: expected ')' ${where(peek())}`);
      k++;
      return inner;
    }
    return predicate();
  }
  function predicate(): FilterNode {
    const tok = peek();
    let column: string;
    if (tok?.t === 'column' || tok?.t === 'word') column = tok.v;
    else if (tok?.t === 'number') column = tok.text;
    else throw new InputError(`filter: expected a column name ${where(tok)}`);
    k++;
    const next = peek();
    if (isKeyword(next, 'is')) {
      k++;
      let negated = false;
      if (isKeyword(peek(), 'not')) {
        negated = true;
        k++;
      }
      if (!isKeyword(peek(), 'missing') && !isKeyword(peek(), 'null')) {
        throw new InputError(`filter: expected 'missing' after '${column} is' ${where(peek())}`);
      }
      k++;
      return { kind: 'missing', column, negated };
    }
    let negated = false;
    if (isKeyword(next, 'not')) {
      negated = true;
      k++;
    }
    if (isKeyword(peek(), 'in')) {
      k++;
      if (peek()?.t !== '(') throw new InputError(`filter: expected '(' after 'in' ${where(peek())}`);
      k++;
      const values: FilterValue[] = [value()];
      while (peek()?.t === ',') {
        k++;
        values.push(value());
      }
      if (peek()?.t !== ')') throw new InputError(`filter: expected ')' to close the list ${where(peek())}`);
      k++;
      return { kind: 'in', column, values, negated };
    }
    if (negated) throw new InputError(`filter: expected 'in' after 'not' ${where(peek())}`);
    const op = peek();
    if (op?.t !== 'op') {
      throw new InputError(`filter: expected a comparison (=, !=, <, <=, >, >=, in, is missing) after '${column}' ${where(op)}`);
    }
    k++;
    return { kind: 'compare', column, op: op.v, value: value() };
  }
  function value(): FilterValue {
    const tok = peek();
    k++;
    if (tok?.t === 'number') return { kind: 'number', value: tok.v };
    if (tok?.t === 'string') return { kind: 'text', value: tok.v, quoted: true };
    if (tok?.t === 'word') return { kind: 'text', value: tok.v, quoted: false };
    throw new InputError(`filter: expected a value ${where(tok)}`);
  }

  const node = expr();
  if (k < tokens.length) throw new InputError(`filter: unexpected '${describe(tokens[k])}' ${where(tokens[k])}`);
  return node;
}

function describe(tok: Token): string {
  return 'v' in tok ? String(tok.v) : tok.t;
}
