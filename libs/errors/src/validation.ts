import { MAX_JSON_DEPTH } from './json-limits';
import {
  ArgumentMetadata,
  BadRequestException,
  Injectable,
  PipeTransform,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { labelOf, labelTextOf } from '@dh/labels';
import { problemText } from './problem-text';

// `field`: the machine path clients and tests match on; `label`: what a person reads (field-labels.ts).
export type FieldProblem = { field: string; label?: string; problems: string[] };

export const flattenValidationErrors = (errors: ValidationError[], parent = ''): FieldProblem[] =>
  errors.flatMap((e) => {
    const field =
      e.property === undefined
        ? parent || 'body'
        : !parent
          ? e.property
          : /^\d+$/.test(e.property)
            ? `${parent}[${e.property}]`
            : `${parent}.${e.property}`;
    // A property the API does not know has no label: the property itself, as the client sent it, names it.
    const label = labelOf(field)?.vi ?? e.property ?? labelTextOf(field);
    const own = e.constraints
      ? [
          {
            field,
            label,
            problems: Object.entries(e.constraints).map(([name, message]) => problemText(e, field, name, message)),
          },
        ]
      : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });

export class InputValidationException extends BadRequestException {
  readonly fields: FieldProblem[];

  constructor(fields: FieldProblem[]) {
    const labelled = fields.map(({ field, label, problems }) => ({
      field,
      label: label ?? labelTextOf(field),
      problems,
    }));
    super({ fields: labelled });
    this.fields = labelled;
  }
}

// whitelist + forbidNonWhitelisted: an unknown field is an error, not silently dropped. The target is kept on
// the errors (never sent) so that a problem can be worded from its constraint's declaration (problem-text.ts).
export const createValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new InputValidationException(flattenValidationErrors(errors)),
  });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

// A malformed id in the path is the client's mistake (400), never a database error.
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (!isUuid(value)) {
      throw new InputValidationException([
        {
          field: meta.data ?? 'id',
          problems: [
            `${labelTextOf(meta.data ?? 'id')} phải là mã định danh (UUID) / ${meta.data ?? 'id'} must be a UUID`,
          ],
        },
      ]);
    }
    return value.toLowerCase();
  }
}

// Text PostgreSQL would not store as sent: U+0000 (text and jsonb cannot hold it) and a lone surrogate
// (the driver's UTF-8 encoding turns it into U+FFFD, so the row would differ from the request).
// In a `u` regex a surrogate pair is one code point, so \p{Cs} matches only a lone half (String#isWellFormed,
// which the ES2023 typings lack).
const LONE_SURROGATE = /\p{Cs}/u;
const problemOf = (s: string, field: string): string | null =>
  s.includes('\u0000')
    ? `${labelTextOf(field)} không được chứa ký tự NUL / ${field} must not contain the NUL character`
    : LONE_SURROGATE.test(s)
      ? `${labelTextOf(field)} phải là văn bản Unicode hợp lệ (không có nửa cặp thay thế đơn lẻ) / ${field} must be well-formed Unicode text (no lone surrogate)`
      : null;

// Bounded by the parser's own depth limit (json-body.ts): every string of an accepted body is reached.
const findIllFormed = (value: unknown, path: string, depth = 0): FieldProblem | null => {
  if (typeof value === 'string') {
    const problem = problemOf(value, path || 'body');
    return problem ? { field: path || 'body', problems: [problem] } : null;
  }
  if (depth > MAX_JSON_DEPTH || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const field = Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
    const keyProblem = problemOf(k, field);
    if (keyProblem) return { field, problems: [keyProblem] };
    const found = findIllFormed(v, field, depth + 1);
    if (found) return found;
  }
  return null;
};

@Injectable()
export class RejectIllFormedTextPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (meta.type !== 'body' && meta.type !== 'query') return value;
    const found = findIllFormed(value, meta.data ?? '');
    if (found) throw new InputValidationException([found]);
    return value;
  }
}
