import { HttpStatus } from '@nestjs/common';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { labelTextOf } from '@dh/labels';
import { AppException } from './app.exception';
import { MAX_JSON_DEPTH, MAX_JSON_KEYS } from './json-limits';
import { InputValidationException } from './validation';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPENERS = new Set([0x7b, 0x5b]);
const CLOSERS = new Set([0x7d, 0x5d]);
const OPEN_OBJECT = 0x7b;

type Frame = { object: boolean; key: string; index: number; expectKey: boolean };

// The field as the validation errors name it: `guardians[0].fullName`.
const fieldOf = (stack: Frame[]): string =>
  stack.reduce((path, f) => (!f.object ? `${path}[${f.index}]` : path ? `${path}.${f.key}` : f.key), '') || 'body';

// One pass over the raw bytes, with no recursion: JSON's structure is ASCII, so bytes of multi-byte
// characters never look like brackets, quotes or colons. Outside strings, every colon starts a member.
// `onString`, when given, is told each string's bytes and the field it belongs to (a key names its own field).
const walk = (buf: Buffer, onString?: (bytes: Buffer, field: string) => void): void => {
  const stack: Frame[] = [];
  let keys = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b === QUOTE) {
      const start = i + 1;
      for (i = start; i < buf.length && buf[i] !== QUOTE; i++) if (buf[i] === BACKSLASH) i++;
      if (!onString) continue;
      const top = stack[stack.length - 1];
      const bytes = buf.subarray(start, Math.min(i, buf.length));
      if (top?.object && top.expectKey) {
        top.key = bytes.toString('utf8');
        top.expectKey = false;
      }
      onString(bytes, fieldOf(stack));
    } else if (OPENERS.has(b)) {
      if (stack.length === MAX_JSON_DEPTH) throw tooDeep();
      stack.push({ object: b === OPEN_OBJECT, key: '', index: 0, expectKey: b === OPEN_OBJECT });
    } else if (CLOSERS.has(b)) {
      stack.pop();
    } else if (b === COLON) {
      if (++keys > MAX_JSON_KEYS) throw tooManyKeys();
    } else if (b === COMMA) {
      const top = stack[stack.length - 1];
      if (top?.object) top.expectKey = true;
      else if (top) top.index++;
    }
  }
};

const limitProblem = (code: string, vi: string, en: string) =>
  new AppException(code, HttpStatus.BAD_REQUEST, `${vi}.`, `${en}.`, [
    { field: 'body', label: labelTextOf('body'), problems: [`${vi} / ${en}`] },
  ]);

const tooDeep = () =>
  limitProblem(
    'JSON_TOO_DEEP',
    `Nội dung JSON vượt quá ${MAX_JSON_DEPTH} cấp lồng nhau`,
    `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`,
  );

const tooManyKeys = () =>
  limitProblem(
    'JSON_TOO_MANY_KEYS',
    `Nội dung JSON vượt quá ${MAX_JSON_KEYS} khóa`,
    `The JSON body has more than ${MAX_JSON_KEYS} keys`,
  );

// body-parser's `verify`: it sees the raw bytes before they are decoded (an invalid UTF-8 sequence would
// silently become U+FFFD) and before they are parsed. A U+FFFD typed as such is valid UTF-8 and passes.
export const verifyJsonBody = (_req: IncomingMessage, _res: ServerResponse, buf: Buffer, encoding: string): void => {
  if (encoding.toLowerCase() !== 'utf-8') {
    throw new AppException(
      'UNSUPPORTED_CHARSET',
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'Nội dung JSON phải được mã hóa UTF-8.',
      'A JSON body must be encoded in UTF-8.',
    );
  }
  walk(buf);
  if (isUtf8(buf)) return;
  const fields: string[] = [];
  walk(buf, (bytes, field) => {
    if (!isUtf8(bytes) && !fields.includes(field)) fields.push(field);
  });
  if (!fields.length) fields.push('body');
  throw new InputValidationException(
    fields.map((field) => ({
      field,
      problems: [`${labelTextOf(field)} phải là văn bản UTF-8 hợp lệ / ${field} must be valid UTF-8 text`],
    })),
  );
};
