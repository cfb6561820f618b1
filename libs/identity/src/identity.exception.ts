import { codesOf, moduleException } from '@dh/errors';
import errors from './identity.errors.json';

export const IdentityExceptionCode = codesOf(errors);
export type IdentityExceptionCode = keyof typeof errors;
export class IdentityException extends moduleException(errors) {}
