import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, ValidateBy } from 'class-validator';

// Something a reader sees: neither white space nor an invisible format character (Unicode Cf: zero-width
// space, joiners, soft hyphen), which would otherwise pass for a name.
const VISIBLE = /[^\s\p{Cf}]/u;

export const trimText = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

// A name or a label people read (a learner's name and class, a guardian, a user's name). Trimmed before it is
// validated, so the length counted is the length stored, and refused when nothing visible is left: a blank
// name is the client's mistake (400), not an empty string in the database. One decorator for every such field.
export const NonBlankText = (maxLength: number): PropertyDecorator =>
  applyDecorators(
    Transform(trimText),
    IsString(),
    ValidateBy({
      name: 'isNonBlank',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && VISIBLE.test(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must not be empty or blank`,
      },
    }),
    MaxLength(maxLength),
  );
