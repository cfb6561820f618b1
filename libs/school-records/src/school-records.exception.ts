import { codesOf, moduleException } from '@dh/errors';
import errors from './school-records.errors.json';

export const SchoolRecordsExceptionCode = codesOf(errors);
export type SchoolRecordsExceptionCode = keyof typeof errors;
export class SchoolRecordsException extends moduleException(errors) {}
