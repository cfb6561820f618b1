import { codesOf, moduleException } from '@dh/errors';
import errors from './retention.errors.json';

export const RetentionExceptionCode = codesOf(errors);
export type RetentionExceptionCode = keyof typeof errors;
export class RetentionException extends moduleException(errors) {}
