import { Injectable, PipeTransform } from '@nestjs/common';
import { InputValidationException } from '@dh/errors';
import { FormNumber } from './form-template';

// /forms/1 and /forms/01 are the same form; anything else is the client's mistake, named.
@Injectable()
export class FormNumberPipe implements PipeTransform<string, FormNumber> {
  transform(value: string): FormNumber {
    if (typeof value !== 'string' || !/^0?[1-4]$/.test(value)) {
      throw new InputValidationException([{ field: 'n', problems: ['n must be a form number from 1 to 4 (1, 01 … 4, 04)'] }]);
    }
    return `0${value.slice(-1)}` as FormNumber;
  }
}
