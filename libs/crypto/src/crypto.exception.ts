import { codesOf, moduleException } from '@dh/errors';
import errors from './crypto.errors.json';

export const CryptoExceptionCode = codesOf(errors);
export type CryptoExceptionCode = keyof typeof errors;
export class CryptoException extends moduleException(errors) {}
