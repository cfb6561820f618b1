import { codesOf, moduleException } from '@dh/errors';
import errors from './case.errors.json';

export const CaseExceptionCode = codesOf(errors);
export type CaseExceptionCode = keyof typeof errors;
export class CaseException extends moduleException(errors) {}
