import { createHash, hash } from 'node:crypto';
import { CaseChainEvent } from '../case-chain-checks';
import { canonicalPayload, canonicalPayloadBytes } from './canonical-payload';

// audit_event's columns as COPY … (FORMAT binary) sends them, in this order: uuids as 16 bytes, seq as 4, `at` as
// 8 (microseconds from 2000-01-01 UTC), text as its UTF-8, the payload as jsonb's version byte and its text.
export const COPY_COLUMNS = `case_id, seq, school_id, type, from_state, to_state, actor_id, actor_role, payload, request_id, at, prev_hash, hash`;
const F = {
  caseId: 0,
  seq: 1,
  schoolId: 2,
  type: 3,
  fromState: 4,
  toState: 5,
  actorId: 6,
  actorRole: 7,
  payload: 8,
  requestId: 9,
  at: 10,
  prevHash: 11,
  hash: 12,
} as const;
const FIELDS = 13;

export type CopiedEvent = CaseChainEvent & { matches: boolean };

// crypto.hash, one call and no Hash object, where this Node has it (20.12 on).
const sha256 = (bytes: Buffer): string =>
  typeof hash === 'function' ? hash('sha256', bytes, 'hex') : createHash('sha256').update(bytes).digest('hex');

const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');
// canonicalEvent's record around its values, keys in RFC 8785 order.
const K = {
  actorId: latin1('{"actorId":'),
  actorRole: latin1(',"actorRole":'),
  at: latin1(',"at":"'),
  caseId: latin1('","caseId":'),
  fromState: latin1(',"fromState":'),
  payload: latin1(',"payload":'),
  prevHash: latin1(',"prevHash":'),
  requestId: latin1(',"requestId":'),
  schoolId: latin1(',"schoolId":'),
  seq: latin1(',"seq":'),
  toState: latin1(',"toState":'),
  type: latin1(',"type":'),
};
const NULL = latin1('null');
const HEX = latin1('0123456789abcdef');
const SIGNATURE = latin1('PGCOPY\n\xff\r\n\0');
// 2000-01-01T00:00:00Z, PostgreSQL's epoch, in JavaScript's milliseconds.
const PG_EPOCH_MS = 946_684_800_000;
const DAY_MS = 86_400_000;

type Kept = { bytes: Buffer; length: number; text: string };
const kept = (): Kept => ({ bytes: Buffer.alloc(128), length: -1, text: '' });

// The Date pg parses from the timestamp's text keeps its milliseconds, the microseconds cut off: the instant's
// millisecond, rounded down. Written as Date.toISOString() writes it.
export const isoOfMicros = (micros: bigint): string => {
  const ms = micros / 1000n - (micros % 1000n < 0n ? 1n : 0n);
  return new Date(Number(ms) + PG_EPOCH_MS).toISOString();
};

// Reads COPY's binary rows of COPY_COLUMNS one CopyData message at a time (PostgreSQL sends each row in one) and
// hands each event on with its case id and whether its stored hash is the hash of the bytes hashEvent digests for
// it: canonicalEvent's record, written straight from the row's bytes. Text needs no escaping unless it holds a
// control character, a quote or a backslash (JSON.stringify escapes nothing else), and then goes through
// JSON.stringify; the payload through canonicalPayload.
export class CopiedRows {
  private out = Buffer.allocUnsafe(1 << 16);
  private pos = 0;
  private c: Buffer = Buffer.alloc(0);
  private readonly start = new Int32Array(FIELDS);
  private readonly end = new Int32Array(FIELDS); // -1: NULL
  private readonly lastCase = Buffer.alloc(16);
  private readonly day = { from: 0, date: '' }; // the last timestamp's day: its first millisecond, its date and T
  private readonly kept = { type: kept(), fromState: kept(), toState: kept() };
  private lastDigest: string | null = null;
  private caseId = '';

  constructor(private readonly onEvent: (caseId: string, event: CopiedEvent) => void) {}

  read(chunk: Buffer): void {
    const c = (this.c = chunk);
    let at = 0;
    // Only the first message starts with the signature; a row starts with its field count's high byte, 0.
    if (
      c[0] === SIGNATURE[0] &&
      c.length >= SIGNATURE.length &&
      c.compare(SIGNATURE, 0, SIGNATURE.length, 0, SIGNATURE.length) === 0
    )
      at = SIGNATURE.length + 8 + c.readUInt32BE(SIGNATURE.length + 4); // flags, then the header extension
    if (at >= c.length) return;
    const count = c.readInt16BE(at);
    if (count === -1) return; // the trailer
    if (count !== FIELDS) throw new Error(`audit_event COPY row of ${count} fields`);
    at += 2;
    for (let i = 0; i < FIELDS; i++) {
      const n = c.readInt32BE(at);
      at += 4;
      this.start[i] = at;
      this.end[i] = n < 0 ? -1 : at + n;
      if (n > 0) at += n;
    }
    if (this.out.length < c.length * 6 + 512) this.out = Buffer.allocUnsafe(c.length * 6 + 512);
    this.pos = 0;
    this.put(K.actorId);
    this.uuid(F.actorId);
    this.put(K.actorRole);
    this.text(F.actorRole);
    this.put(K.at);
    this.at();
    this.put(K.caseId);
    this.uuid(F.caseId);
    this.put(K.fromState);
    this.text(F.fromState);
    this.put(K.payload);
    this.payload();
    this.put(K.prevHash);
    this.text(F.prevHash);
    this.put(K.requestId);
    this.text(F.requestId);
    this.put(K.schoolId);
    this.uuid(F.schoolId);
    this.put(K.seq);
    const seq = c.readInt32BE(this.start[F.seq]);
    this.putAscii(String(seq));
    this.put(K.toState);
    this.text(F.toState);
    this.put(K.type);
    this.text(F.type);
    this.out[this.pos++] = 0x7d; // }

    // The stored hash as a string is the digest's when they match, as they do but where the chain was altered; the
    // next row's prev_hash is then compared with it as it stands in the row.
    const digest = sha256(this.out.subarray(0, this.pos));
    const matches = this.holds(F.hash, digest);
    const prevHash = this.holds(F.prevHash, this.lastDigest) ? this.lastDigest : this.string(F.prevHash);
    const hash = matches ? digest : (this.string(F.hash) as string);
    this.lastDigest = matches ? digest : null;
    this.onEvent(this.case(), {
      seq,
      prevHash,
      hash,
      type: this.repeated(F.type, this.kept.type) as string,
      fromState: this.repeated(F.fromState, this.kept.fromState),
      toState: this.repeated(F.toState, this.kept.toState),
      matches,
    });
  }

  // Whether the field holds the hex digest's characters, one byte each (a latin1 string of the bytes is the
  // digest exactly then; made and compared natively, it costs less than a loop here).
  private holds(f: number, digest: string | null): boolean {
    const [s, e] = [this.start[f], this.end[f]];
    return digest !== null && e - s === digest.length && this.c.toString('latin1', s, e) === digest;
  }

  // Byte by byte: for the few bytes of a field, Buffer's copy, set and write cost more in their calls than in the copying.
  private put(bytes: Buffer): void {
    const out = this.out;
    let p = this.pos;
    for (let i = 0; i < bytes.length; i++) out[p++] = bytes[i];
    this.pos = p;
  }

  private putAscii(text: string): void {
    const out = this.out;
    let p = this.pos;
    for (let i = 0; i < text.length; i++) out[p++] = text.charCodeAt(i);
    this.pos = p;
  }

  private string(f: number): string | null {
    return this.end[f] < 0 ? null : this.c.toString('utf8', this.start[f], this.end[f]);
  }

  // The field's text, the one made for the last row whose same field (`kept`) held the same bytes if there was
  // one: a chain's types and states repeat, and each event's prev_hash is the hash of the one before.
  private repeated(f: number, kept: Kept): string | null {
    const [s, e] = [this.start[f], this.end[f]];
    if (e < 0) return null;
    const c = this.c;
    const n = e - s;
    if (n === kept.length && n <= kept.bytes.length) {
      let i = 0;
      while (i < n && c[s + i] === kept.bytes[i]) i++;
      if (i === n) return kept.text;
    }
    kept.text = c.toString('utf8', s, e);
    kept.length = n;
    if (n <= kept.bytes.length) for (let i = 0; i < n; i++) kept.bytes[i] = c[s + i];
    else kept.length = -1;
    return kept.text;
  }

  // The case id's text, made again only when the row's case is not the last row's.
  private case(): string {
    const { c, lastCase } = this;
    const s = this.start[F.caseId];
    let i = 0;
    while (i < 16 && c[s + i] === lastCase[i]) i++;
    if (i === 16 && this.caseId !== '') return this.caseId;
    for (i = 0; i < 16; i++) lastCase[i] = c[s + i];
    const h = c.toString('hex', s, s + 16);
    this.caseId = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    return this.caseId;
  }

  private null(): void {
    this.put(NULL);
  }

  private uuid(f: number): void {
    if (this.end[f] < 0) return this.null();
    const { c, out } = this;
    let p = this.pos;
    out[p++] = 0x22;
    for (let i = 0, s = this.start[f]; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) out[p++] = 0x2d;
      const b = c[s + i];
      out[p++] = HEX[b >> 4];
      out[p++] = HEX[b & 15];
    }
    out[p++] = 0x22;
    this.pos = p;
  }

  // Copied between quotes as it goes; at a control character, a quote or a backslash, written again by JSON.stringify.
  private text(f: number): void {
    const [s, e] = [this.start[f], this.end[f]];
    if (e < 0) return this.null();
    const { c, out } = this;
    const begin = this.pos;
    let p = begin;
    out[p++] = 0x22;
    for (let i = s; i < e; i++) {
      const b = c[i];
      if (b < 0x20 || b === 0x22 || b === 0x5c) {
        this.pos = begin + out.write(JSON.stringify(c.toString('utf8', s, e)), begin, 'utf8');
        return;
      }
      out[p++] = b;
    }
    out[p++] = 0x22;
    this.pos = p;
  }

  // Date.toISOString() of the timestamp (see isoOfMicros), its date written once a day: the time of day is
  // digits. Outside 0001..9999 (a year toISOString writes with a sign) a Date writes it all.
  private at(): void {
    const s = this.start[F.at];
    if (this.end[F.at] - s !== 8) throw new Error('audit_event.at is not a binary timestamptz');
    const hi = this.c.readInt32BE(s);
    // Within 2^53 microseconds (about 285 years either side of 2000) a double holds the count exactly.
    if (hi < -0x200000 || hi >= 0x200000) return this.putAscii(isoOfMicros(this.c.readBigInt64BE(s)));
    const micros = hi * 4_294_967_296 + this.c.readUInt32BE(s + 4);
    const below = ((micros % 1000) + 1000) % 1000;
    const ms = (micros - below) / 1000 + PG_EPOCH_MS;
    const day = this.day;
    if (ms < day.from || ms >= day.from + DAY_MS) {
      day.from = ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
      const iso = new Date(day.from).toISOString();
      day.date = iso.length === 24 ? iso.slice(0, 11) : '';
    }
    if (day.date === '') return this.putAscii(new Date(ms).toISOString());
    this.putAscii(day.date);
    let t = ms - day.from;
    const milli = t % 1000;
    t = (t - milli) / 1000;
    const sec = t % 60;
    t = (t - sec) / 60;
    const min = t % 60;
    const hour = (t - min) / 60;
    const { out } = this;
    let p = this.pos;
    out[p++] = 48 + ((hour / 10) | 0);
    out[p++] = 48 + (hour % 10);
    out[p++] = 58;
    out[p++] = 48 + ((min / 10) | 0);
    out[p++] = 48 + (min % 10);
    out[p++] = 58;
    out[p++] = 48 + ((sec / 10) | 0);
    out[p++] = 48 + (sec % 10);
    out[p++] = 46;
    out[p++] = 48 + ((milli / 100) | 0);
    out[p++] = 48 + (((milli / 10) | 0) % 10);
    out[p++] = 48 + (milli % 10);
    out[p++] = 90; // Z
    this.pos = p;
  }

  private payload(): void {
    const [s, e] = [this.start[F.payload], this.end[F.payload]];
    if (e < 0 || this.c[s] !== 1) throw new Error('audit_event.payload is not jsonb of version 1');
    const end = canonicalPayloadBytes(this.c, s + 1, e, this.out, this.pos);
    if (end >= 0) this.pos = end;
    else this.pos += this.out.write(canonicalPayload(this.c.toString('utf8', s + 1, e)), this.pos, 'utf8');
  }
}
