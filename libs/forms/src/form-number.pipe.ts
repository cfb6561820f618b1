import { Injectable, PipeTransform } from '@nestjs/common';
import { InputValidationException } from '@dh/errors';
import { FORM_NUMBERS, FormNumber } from './form-template';

// /forms/1 and /forms/01 are the same form; the plan and the family contacts log go by their names; anything
// else is the client's mistake, named.
@Injectable()
export class FormNumberPipe implements PipeTransform<string, FormNumber> {
  transform(value: string): FormNumber {
    if (typeof value === 'string' && /^0?[1-4]$/.test(value)) return `0${value.slice(-1)}` as FormNumber;
    if ((FORM_NUMBERS as readonly unknown[]).includes(value)) return value as FormNumber;
    throw new InputValidationException([
      {
        field: 'n',
        problems: [
          'Số mẫu phải từ 1 đến 4 (1, 01 … 4, 04), ke-hoach hoặc lien-he-gia-dinh / n must be a form number from 1 to 4 (1, 01 … 4, 04), ke-hoach or lien-he-gia-dinh',
        ],
      },
    ]);
  }
}
