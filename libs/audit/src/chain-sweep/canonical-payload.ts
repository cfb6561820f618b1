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

// The same over jsonb's text as bytes, written into `into` from `to` on: the position after it, or -1 where it
// takes the generic way (a key with an escape, or with a character from U+E000 up, where UTF-8's byte order is not
// UTF-16's). Members are written as they come, then put in order in place.
export const canonicalPayloadBytes = (from: Buffer, start: number, end: number, into: Buffer, to: number): number => {
  b = from;
  bEnd = end;
  bAt = start;
  out = into;
  pos = to;
  if (!bValue()) return -1;
  while (bAt < bEnd && b[bAt] === 32) bAt++;
  return bAt === bEnd ? pos : -1;
};

let b: Buffer = Buffer.alloc(0);
let bEnd = 0;
let bAt = 0;
let out: Buffer = Buffer.alloc(0);
let pos = 0;
let spare = Buffer.alloc(4096);

const bValue = (): boolean => {
  while (b[bAt] === 32) bAt++;
  const c = b[bAt];
  if (c === 34) return bString();
  if (c === 123) return bObject();
  if (c === 91) return bArray();
  if (c === 116) return bWord(4);
  if (c === 102) return bWord(5);
  if (c === 110) return bWord(4);
  return bNumber();
};

// true, false, null: as they are.
const bWord = (n: number): boolean => {
  if (bAt + n > bEnd) return false;
  for (let i = 0; i < n; i++) out[pos++] = b[bAt++];
  return true;
};

// The scanner's positions are module state: a loop over a string's bytes works on locals, stored back at the end.
const bString = (): boolean => {
  const [src, dst, end] = [b, out, bEnd];
  let i = bAt;
  let p = pos;
  dst[p++] = src[i++];
  let done = false;
  while (i < end) {
    const c = src[i++];
    dst[p++] = c;
    if (c === 34) {
      done = true;
      break;
    }
    if (c === 92 && i < end) dst[p++] = src[i++];
  }
  bAt = i;
  pos = p;
  return done;
};

const bNumber = (): boolean => {
  const start = bAt;
  let plain = true; // digits, a minus, no leading zero: an integer JavaScript writes the same
  for (
    let c = b[bAt];
    bAt < bEnd && ((c >= 48 && c <= 57) || c === 45 || c === 46 || c === 43 || c === 101 || c === 69);
  ) {
    if ((c < 48 && c !== 45) || (c === 45 && bAt !== start)) plain = false;
    if (c > 57) plain = false;
    c = b[++bAt];
  }
  const n = bAt - start;
  if (n === 0) return false;
  const digits = b[start] === 45 ? n - 1 : n;
  if (plain && digits >= 1 && digits <= 15 && b[bAt - digits] !== 48 && (b[start] !== 45 || n > 1)) {
    for (let i = start; i < bAt; i++) out[pos++] = b[i];
    return true;
  }
  const v = Number(b.toString('latin1', start, bAt));
  if (!Number.isFinite(v)) return false;
  const text = String(v);
  for (let i = 0; i < text.length; i++) out[pos++] = text.charCodeAt(i);
  return true;
};

const bArray = (): boolean => {
  out[pos++] = b[bAt++];
  while (b[bAt] === 32) bAt++;
  if (b[bAt] === 93) {
    out[pos++] = b[bAt++];
    return true;
  }
  for (;;) {
    if (!bValue()) return false;
    while (b[bAt] === 32) bAt++;
    const c = b[bAt++];
    out[pos++] = c;
    if (c === 93) return true;
    if (c !== 44 || bAt >= bEnd) return false;
  }
};

const bObject = (): boolean => {
  out[pos++] = b[bAt++];
  while (b[bAt] === 32) bAt++;
  if (b[bAt] === 125) {
    out[pos++] = b[bAt++];
    return true;
  }
  // Each member's place in `out`, then its key's in `b` (quotes excluded).
  const spans: number[] = [];
  for (;;) {
    while (b[bAt] === 32) bAt++;
    if (b[bAt] !== 34) return false;
    const memberStart = pos;
    const keyStart = bAt + 1;
    if (!bString()) return false;
    const keyEnd = bAt - 1;
    for (let i = keyStart; i < keyEnd; i++) if (b[i] === 92 || b[i] >= 0xee) return false;
    while (b[bAt] === 32) bAt++;
    if (b[bAt] !== 58) return false;
    out[pos++] = b[bAt++];
    if (!bValue()) return false;
    spans.push(memberStart, pos, keyStart, keyEnd);
    while (b[bAt] === 32) bAt++;
    const c = b[bAt++];
    if (c === 125) break;
    if (c !== 44 || bAt >= bEnd) return false;
    out[pos++] = 44;
  }
  if (spans.length > 4 && !inOrder(spans)) return false;
  out[pos++] = 125;
  return true;
};

// The members written, sorted by key in place (their bytes' order: code points', UTF-16's below U+E000); false for
// a key twice, which jsonb never writes. Keys are a few bytes: compared, sorted and moved here, byte by byte, as
// Buffer's compare and copy cost more in their calls than in their work.
const inOrder = (spans: number[]): boolean => {
  const n = spans.length / 4;
  let sorted = true;
  for (let i = 1; i < n; i++) {
    const c = byKey(spans, i - 1, i);
    if (c === 0) return false;
    if (c > 0) sorted = false;
  }
  if (sorted) return true;
  // Insertion sort of the member numbers: objects have a handful of keys.
  const order = ORDER.length < n ? (ORDER = new Int32Array(2 * n)) : ORDER;
  for (let i = 0; i < n; i++) {
    let j = i;
    while (j > 0 && byKey(spans, order[j - 1], i) > 0) {
      order[j] = order[j - 1];
      j--;
    }
    if (j > 0 && byKey(spans, order[j - 1], i) === 0) return false;
    order[j] = i;
  }
  const [from, to] = [spans[0], spans[spans.length - 3]];
  if (spare.length < to - from) spare = Buffer.alloc(2 * (to - from));
  // Locals, not the module's bindings, in the byte loops: those are read again on every byte.
  const [o, sp] = [out, spare];
  for (let i = from; i < to; i++) sp[i - from] = o[i];
  let p = from;
  for (let k = 0; k < n; k++) {
    if (k > 0) o[p++] = 44;
    const i = order[k];
    for (let q = spans[i * 4] - from, e = spans[i * 4 + 1] - from; q < e; q++) o[p++] = sp[q];
  }
  return true;
};
let ORDER = new Int32Array(16);

// Member i's key against member j's, as bytes.
const byKey = (spans: number[], i: number, j: number): number => {
  const [is, ie, js, je] = [spans[i * 4 + 2], spans[i * 4 + 3], spans[j * 4 + 2], spans[j * 4 + 3]];
  const n = Math.min(ie - is, je - js);
  for (let k = 0; k < n; k++) {
    const d = b[is + k] - b[js + k];
    if (d !== 0) return d;
  }
  return ie - is - (je - js);
};
