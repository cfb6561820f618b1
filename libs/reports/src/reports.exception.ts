import { codesOf, moduleException } from '@dh/errors';
import errors from './reports.errors.json';

export const ReportsExceptionCode = codesOf(errors);
export type ReportsExceptionCode = keyof typeof errors;
export class ReportsException extends moduleException(errors) {}
