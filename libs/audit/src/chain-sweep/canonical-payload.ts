import canonicalize from 'canonicalize';
import { types } from 'pg';

// pg's own jsonb parser, the one TypeORM's reads go through: the generic way below parses as the per-case
// verification does.
const parsePayload = types.getTypeParser(types.builtins.JSONB) as (text: string) => unknown;

// canonicalize(JSON.parse(t)) for jsonb's text, without building the value: jsonb writes strings escaped exactly
// as JSON.stringify does (\b \f \n \r \t \" \\, other controls as \u00xx, everything else as it is), so a string
// is copied; an object's members are sorted by their keys' UTF-16 code units (jsonb orders them by length, then
// bytes); a number is written as JavaScript writes the double it parses to; the spaces jsonb puts after , and :
// are dropped. Anything unexpected takes the generic way.
export const canonicalPayload = (t: string): string => {
  src = t;
  at = 0;
  const out = value();
  if (out !== null && (skip(), at === src.length)) return out;
  const canonical = canonicalize(parsePayload(t));
  if (canonical === undefined) throw new Error('audit event is not serialisable');
  return canonical;
};

// The scanner's input and position: module state, so the recursion passes nothing.
let src = '';
let at = 0;

const skip = (): void => {
  while (src.charCodeAt(at) === 32) at++;
};

const value = (): string | null => {
  skip();
  const c = src.charCodeAt(at);
  if (c === 34) return string();
  if (c === 123) return object();
  if (c === 91) return array();
  if (c === 116) return literal('true');
  if (c === 102) return literal('false');
  if (c === 110) return literal('null');
  return number();
};

const literal = (word: string): string | null => {
  if (!src.startsWith(word, at)) return null;
  at += word.length;
  return word;
};

// The string as written, quotes included: up to the first quote not escaped (preceded by an even run of \\).
const string = (): string | null => {
  const start = at;
  for (let q = src.indexOf('"', at + 1); q !== -1; q = src.indexOf('"', q + 1)) {
    let b = q - 1;
    while (src.charCodeAt(b) === 92) b--;
    if ((q - 1 - b) % 2 === 0) {
      at = q + 1;
      return src.slice(start, at);
    }
  }
  return null;
};

const number = (): string | null => {
  const start = at;
  for (let c = src.charCodeAt(at); (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 43 || c === 101 || c === 69;)
    c = src.charCodeAt(++at);
  if (at === start) return null;
  const n = Number(src.slice(start, at));
  return Number.isFinite(n) ? String(n) : null;
};

const array = (): string | null => {
  at++;
  skip();
  if (src.charCodeAt(at) === 93) {
    at++;
    return '[]';
  }
  let out = '[';
  for (;;) {
    const v = value();
    if (v === null) return null;
    out += v;
    skip();
    const c = src.charCodeAt(at++);
    if (c === 93) return `${out}]`;
    if (c !== 44) return null;
    out += ',';
  }
};

const object = (): string | null => {
  at++;
  skip();
  if (src.charCodeAt(at) === 125) {
    at++;
    return '{}';
  }
  // Most payloads are objects of one member: the arrays to sort are made only when a second one comes.
  let first = '';
  let firstKey = '';
  let keys: string[] | null = null;
  let members: string[] = [];
  for (;;) {
    skip();
    if (src.charCodeAt(at) !== 34) return null;
    const key = string();
    if (key === null) return null;
    skip();
    if (src.charCodeAt(at++) !== 58) return null;
    const v = value();
    if (v === null) return null;
    const member = `${key}:${v}`;
    if (first === '') [first, firstKey] = [member, key];
    else {
      if (keys === null) [keys, members] = [[keyOf(firstKey)], [first]];
      keys.push(keyOf(key));
      members.push(member);
    }
    skip();
    const c = src.charCodeAt(at++);
    if (c === 125) break;
    if (c !== 44) return null;
  }
  if (keys === null) return `{${first}}`;
  const k = keys;
  const order = k.map((_, i) => i).sort((a, b) => (k[a] < k[b] ? -1 : k[a] > k[b] ? 1 : 0));
  let out = '{';
  for (let i = 0; i < order.length; i++) {
    // jsonb keeps one member per key; two would mean the text is not jsonb's.
    if (i > 0 && k[order[i]] === k[order[i - 1]]) return null;
    out += (i > 0 ? ',' : '') + members[order[i]];
  }
  return `${out}}`;
};

// A key's text, for sorting: as written unless it holds an escape.
const keyOf = (token: string): string => (token.includes('\\') ? (JSON.parse(token) as string) : token.slice(1, -1));
