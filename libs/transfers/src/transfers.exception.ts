import { codesOf, moduleException } from '@dh/errors';
import errors from './transfers.errors.json';

export const TransfersExceptionCode = codesOf(errors);
export type TransfersExceptionCode = keyof typeof errors;
export class TransfersException extends moduleException(errors) {}
