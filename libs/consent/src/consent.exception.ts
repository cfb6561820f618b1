import { codesOf, moduleException } from '@dh/errors';
import errors from './consent.errors.json';

export const ConsentExceptionCode = codesOf(errors);
export type ConsentExceptionCode = keyof typeof errors;
export class ConsentException extends moduleException(errors) {}
