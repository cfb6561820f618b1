import { codesOf, moduleException } from '@dh/errors';
import errors from './forms.errors.json';

export const FormsExceptionCode = codesOf(errors);
export type FormsExceptionCode = keyof typeof errors;
export class FormsException extends moduleException(errors) {}
