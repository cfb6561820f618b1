import { codesOf, moduleException } from '@dh/errors';
import errors from './case-record.errors.json';

export const CaseRecordExceptionCode = codesOf(errors);
export type CaseRecordExceptionCode = keyof typeof errors;
export class CaseRecordException extends moduleException(errors) {}
