import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';

export type FieldProblem = { field: string; problems: string[] };

export const flattenValidationErrors = (errors: ValidationError[], parent = ''): FieldProblem[] =>
  errors.flatMap((e) => {
    const field = e.property === undefined ? parent || 'body' : !parent ? e.property : /^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });

export class InputValidationException extends BadRequestException {
  constructor(readonly fields: FieldProblem[]) {
    super({ fields });
  }
}

// whitelist + forbidNonWhitelisted: an unknown field is an error, not silently dropped.
export const createValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InputValidationException(flattenValidationErrors(errors)),
  });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A malformed id in the path is the client's mistake (400), never a database error.
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (typeof value !== 'string' || !UUID.test(value)) {
      throw new InputValidationException([{ field: meta.data ?? 'id', problems: [`${meta.data ?? 'id'} must be a UUID`] }]);
    }
    return value.toLowerCase();
  }
}

// PostgreSQL text and jsonb cannot hold U+0000: refuse it as input rather than fail on insert.
const findNul = (value: unknown, path: string, depth = 0): string | null => {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\u0000')) return path ? `${path}.${k}` : k;
    const found = findNul(v, Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k, depth + 1);
    if (found) return found;
  }
  return null;
};

@Injectable()
export class RejectNulCharacterPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (meta.type !== 'body' && meta.type !== 'query') return value;
    const field = findNul(value, meta.data ?? '');
    if (field) throw new InputValidationException([{ field, problems: [`${field} must not contain the NUL character`] }]);
    return value;
  }
}
