import { codesOf, moduleException } from '@dh/errors';
import errors from './intake.errors.json';

export const IntakeExceptionCode = codesOf(errors);
export type IntakeExceptionCode = keyof typeof errors;
export class IntakeException extends moduleException(errors) {}
